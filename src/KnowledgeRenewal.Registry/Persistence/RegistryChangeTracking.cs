using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>
/// The registry sets integrators follow with delta links (ADR 0023): professionals and employers, scoped by their own
/// columns. The keys are read the same way from a saved entity's values (the interceptor) and from what the bulk
/// writers know of the row before their write (<see cref="ProfessionalKeys"/>, <see cref="EmployerKeys"/>).
/// </summary>
internal static class RegistryChangeTracking
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(ChangeTrackedSet.For<Professional>("Professionals", FeedScopes.Registry,
            [nameof(Professional.RegionCode), nameof(Professional.DepartmentCode), nameof(Professional.EmployerId), nameof(Professional.UserId)],
            values => ProfessionalKeys(
                values.GetValue<string>(nameof(Professional.RegionCode)),
                values.GetValue<string>(nameof(Professional.DepartmentCode)),
                values.GetValue<Guid>(nameof(Professional.EmployerId)),
                values.GetValue<Guid?>(nameof(Professional.UserId)))));
        services.AddSingleton(ChangeTrackedSet.For<Employer>("Employers", FeedScopes.Organizations,
            [nameof(Employer.RegionCode), nameof(Employer.DepartmentCode)],
            values => EmployerKeys(
                values.GetValue<string>(nameof(Employer.RegionCode)),
                values.GetValue<string?>(nameof(Employer.DepartmentCode)),
                values.GetValue<Guid>(nameof(Employer.Id)))));
    }

    /// <summary>Who sees a professional: their county, sector, employer and own account.</summary>
    public static ChangeScopeKeys ProfessionalKeys(string regionCode, string departmentCode, Guid employerId, Guid? userId) =>
        new(regionCode, departmentCode, employerId, null, userId);

    /// <summary>Who sees an employer: its county, its sector and the employer itself.</summary>
    public static ChangeScopeKeys EmployerKeys(string regionCode, string? departmentCode, Guid employerId) =>
        new(regionCode, departmentCode, employerId, null, null);
}
