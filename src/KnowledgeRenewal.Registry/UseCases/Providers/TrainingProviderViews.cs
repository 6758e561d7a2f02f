using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Providers;

/// <summary>A training provider as the registry shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="CreditCode">统一社会信用代码.</param>
/// <param name="Name">机构名称.</param>
/// <param name="Kind">机构类别.</param>
/// <param name="RegionCode">所属区域.</param>
/// <param name="DepartmentCode">所属行业, where one applies.</param>
/// <param name="IsActive">Whether it is active.</param>
/// <param name="CreatedAt">Registered (UTC).</param>
internal sealed record TrainingProviderView(Guid Id, string CreditCode, string Name, ProviderKind Kind, string RegionCode, string? DepartmentCode, bool IsActive, DateTime CreatedAt);

/// <summary>Reads training provider views within the caller's scope (the data layer's filter decides).</summary>
internal static class TrainingProviderViews
{
    /// <summary>What the writes and refusals call a provider.</summary>
    public const string What = "施教机构";

    /// <summary>The views of <paramref name="providers"/>, projected in the database.</summary>
    public static IQueryable<TrainingProviderView> Project(IQueryable<TrainingProvider> providers) =>
        providers.Select(p => new TrainingProviderView(p.Id, p.Code, p.Name, p.Kind, p.RegionCode, p.DepartmentCode, p.IsActive, p.CreatedAt));

    /// <summary>One visible provider and its stamp; 404 when the caller may not see it.</summary>
    public static async Task<Versioned<TrainingProviderView>> GetAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.TrainingProviders.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { View = new TrainingProviderView(p.Id, p.Code, p.Name, p.Kind, p.RegionCode, p.DepartmentCode, p.IsActive, p.CreatedAt), p.ConcurrencyStamp })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(What, id);
        return new Versioned<TrainingProviderView>(row.View, row.ConcurrencyStamp);
    }
}
