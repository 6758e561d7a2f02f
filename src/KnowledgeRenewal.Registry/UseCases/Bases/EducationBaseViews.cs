using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Bases;

/// <summary>A base designation as the registry shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">基地名称.</param>
/// <param name="OrganizationId">The designated organization.</param>
/// <param name="OrganizationName">Its name, when the caller may see it.</param>
/// <param name="Level">级别.</param>
/// <param name="DesignatedOn">认定日期.</param>
/// <param name="Status">状态.</param>
/// <param name="RegionCode">The designated organization's region, when the caller may see the organization.</param>
internal sealed record EducationBaseView(Guid Id, string Name, Guid OrganizationId, string? OrganizationName, BaseLevel Level, DateOnly DesignatedOn, BaseStatus Status, string? RegionCode = null);

/// <summary>Reads base designation views within the caller's scope (the data layer's filter applies to every part).</summary>
internal static class EducationBaseViews
{
    /// <summary>What the writes and refusals call a designation.</summary>
    public const string What = "继续教育基地";

    /// <summary>
    /// The views of <paramref name="bases"/>, projected in the database; the organization's name through a
    /// subquery, empty when the caller may not see the organization.
    /// </summary>
    public static IQueryable<EducationBaseView> Project(PlatformDbContext db, IQueryable<EducationBase> bases) =>
        bases.Select(b => new EducationBaseView(
            b.Id,
            b.Name,
            b.OrganizationId,
            db.Set<Organization>().Where(o => o.Id == b.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            b.Level,
            b.DesignatedOn,
            b.Status,
            db.Set<Organization>().Where(o => o.Id == b.OrganizationId).Select(o => o.RegionCode).FirstOrDefault()));

    /// <summary>One visible designation and its stamp; 404 when the caller may not see it.</summary>
    public static async Task<Versioned<EducationBaseView>> GetAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var stamp = await db.EducationBases.AsNoTracking().Where(b => b.Id == id).Select(b => (Guid?)b.ConcurrencyStamp)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(What, id);
        var view = await Project(db, db.EducationBases.AsNoTracking().Where(b => b.Id == id)).FirstAsync(cancellationToken).ConfigureAwait(false);
        return new Versioned<EducationBaseView>(view, stamp);
    }
}
