using Ardalis.Specification;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Web;

/// <summary>Registered employers (an aggregate the public landing page may show, whatever the caller's scope).</summary>
internal sealed class EmployerStatistic(IReadRepositoryBase<Organization> organizations) : IPlatformStatistic
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
internal sealed class ProviderStatistic(IReadRepositoryBase<Organization> organizations) : IPlatformStatistic
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
internal sealed class ProfessionalStatistic(IReadRepositoryBase<Professional> professionals) : IPlatformStatistic
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

/// <summary>Professionals with the given status.</summary>
internal sealed class ProfessionalsInStatus : Specification<Professional>
{
    /// <summary>Creates the specification.</summary>
    public ProfessionalsInStatus(ProfessionalStatus status)
    {
        Query.Where(p => p.Status == status);
    }
}

/// <summary>Active organizations of the given types.</summary>
internal sealed class OrganizationsOfType : Specification<Organization>
{
    /// <summary>Creates the specification.</summary>
    public OrganizationsOfType(params OrganizationType[] types)
    {
        Query.Where(o => o.IsActive && types.Contains(o.Type));
    }
}
