using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Employers;

/// <summary>An employer as the registry shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="CreditCode">统一社会信用代码.</param>
/// <param name="Name">单位名称.</param>
/// <param name="Ownership">所有制.</param>
/// <param name="RegionCode">所属区域.</param>
/// <param name="DepartmentCode">所属行业, where one applies.</param>
/// <param name="IsActive">Whether it is active.</param>
/// <param name="CreatedAt">Registered (UTC).</param>
internal sealed record EmployerView(Guid Id, string CreditCode, string Name, Ownership Ownership, string RegionCode, string? DepartmentCode, bool IsActive, DateTime CreatedAt);

/// <summary>Reads employer views within the caller's scope (the data layer's filter decides).</summary>
internal static class EmployerViews
{
    /// <summary>What the writes and refusals call an employer.</summary>
    public const string What = "用人单位";

    /// <summary>The views of <paramref name="employers"/>, projected in the database.</summary>
    public static IQueryable<EmployerView> Project(IQueryable<Employer> employers) =>
        employers.Select(e => new EmployerView(e.Id, e.Code, e.Name, e.Ownership, e.RegionCode, e.DepartmentCode, e.IsActive, e.CreatedAt));

    /// <summary>One visible employer and its stamp; 404 when the caller may not see it.</summary>
    public static async Task<Versioned<EmployerView>> GetAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Employers.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { View = new EmployerView(e.Id, e.Code, e.Name, e.Ownership, e.RegionCode, e.DepartmentCode, e.IsActive, e.CreatedAt), e.ConcurrencyStamp })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(What, id);
        return new Versioned<EmployerView>(row.View, row.ConcurrencyStamp);
    }
}
