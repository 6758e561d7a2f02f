using Ardalis.Specification;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Host.Overview;

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

/// <summary>Active public subjects.</summary>
public sealed class PublicSubjectStatistic(IReadRepositoryBase<Subject> subjects) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "公需科目";

    /// <inheritdoc />
    public string Unit => "门";

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await subjects.CountAsync(new ActiveSubjectsInCategory(CreditCategory.Public), cancellationToken).ConfigureAwait(false);
}

/// <summary>Active professional subjects of the enabled modules.</summary>
public sealed class ProfessionalSubjectStatistic(IReadRepositoryBase<Subject> subjects) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "专业科目（已启用模块）";

    /// <inheritdoc />
    public string Unit => "门";

    /// <inheritdoc />
    public int Order => 40;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await subjects.CountAsync(new ActiveSubjectsInCategory(CreditCategory.Professional), cancellationToken).ConfigureAwait(false);
}

/// <summary>Enabled modules.</summary>
public sealed class ModuleStatistic(ModuleRegistry registry) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "已启用行业模块";

    /// <inheritdoc />
    public string Unit => "个";

    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)registry.Enabled.Count);
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

/// <summary>Registered employers (an aggregate the public landing page may show, whatever the caller's scope).</summary>
public sealed class EmployerStatistic(IReadRepositoryBase<Organization> organizations) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "用人单位";

    /// <inheritdoc />
    public string Unit => "家";

    /// <inheritdoc />
    public int Order => 60;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var system = SystemScope.Enter();
        return await organizations.CountAsync(new OrganizationsOfType(OrganizationType.Employer), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Training providers and continuing-education bases (an aggregate, as above).</summary>
public sealed class ProviderStatistic(IReadRepositoryBase<Organization> organizations) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "施教机构及继续教育基地";

    /// <inheritdoc />
    public string Unit => "家";

    /// <inheritdoc />
    public int Order => 70;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var system = SystemScope.Enter();
        return await organizations.CountAsync(new OrganizationsOfType(OrganizationType.TrainingProvider, OrganizationType.EducationBase), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Professionals in the registry who are still working (an aggregate, as above).</summary>
public sealed class ProfessionalStatistic(IReadRepositoryBase<Professional> professionals) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "在册专业技术人员";

    /// <inheritdoc />
    public string Unit => "人";

    /// <inheritdoc />
    public int Order => 75;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var system = SystemScope.Enter();
        return await professionals.CountAsync(new ProfessionalsInStatus(ProfessionalStatus.Active), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Approved credit records in the ledger (an aggregate, as above).</summary>
public sealed class ApprovedCreditRecordStatistic(IReadRepositoryBase<CreditRecord> records) : IPlatformStatistic
{
    /// <inheritdoc />
    public string Label => "已认定学时记录";

    /// <inheritdoc />
    public string Unit => "条";

    /// <inheritdoc />
    public int Order => 80;

    /// <inheritdoc />
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        using var system = SystemScope.Enter();
        return await records.CountAsync(new CreditRecordsInStatus(CreditRecordStatus.Approved), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Professionals with the given status.</summary>
public sealed class ProfessionalsInStatus : Specification<Professional>
{
    /// <summary>Creates the specification.</summary>
    public ProfessionalsInStatus(ProfessionalStatus status)
    {
        Query.Where(p => p.Status == status);
    }
}

/// <summary>Credit records with the given status.</summary>
public sealed class CreditRecordsInStatus : Specification<CreditRecord>
{
    /// <summary>Creates the specification.</summary>
    public CreditRecordsInStatus(CreditRecordStatus status)
    {
        Query.Where(r => r.Status == status);
    }
}

/// <summary>Active organizations of the given types.</summary>
public sealed class OrganizationsOfType : Specification<Organization>
{
    /// <summary>Creates the specification.</summary>
    public OrganizationsOfType(params OrganizationType[] types)
    {
        Query.Where(o => o.IsActive && types.Contains(o.Type));
    }
}
