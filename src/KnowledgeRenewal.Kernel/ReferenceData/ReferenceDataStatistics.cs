using KnowledgeRenewal.Sdk;
using Ardalis.Specification;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Time;

namespace KnowledgeRenewal.Kernel.ReferenceData;

/// <summary>Regions in the base registry.</summary>
public sealed class RegionStatistic(IReadRepositoryBase<Region> regions) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "县（市、区）及功能区";

    /// <inheritdoc />
    public string Unit => "个";

    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await regions.CountAsync(new RegionsBelowCity(), cancellationToken).ConfigureAwait(false);
}

/// <summary>Line departments in the base registry.</summary>
public sealed class DepartmentStatistic(IReadRepositoryBase<Department> departments) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "行业主管部门";

    /// <inheritdoc />
    public string Unit => "个";

    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await departments.CountAsync(cancellationToken).ConfigureAwait(false);
}

/// <summary>The county-level divisions and functional zones (every region but the city).</summary>
public sealed class RegionsBelowCity : Specification<Region>
{
    /// <summary>Creates the specification.</summary>
    public RegionsBelowCity()
    {
        Query.Where(r => r.Kind != RegionKind.City).OrderBy(r => r.SortOrder);
    }
}
