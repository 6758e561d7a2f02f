using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>The registry sets integrators follow with delta links (ADR 0023): professionals and employers, scoped by their own columns.</summary>
internal static class RegistryChangeTracking
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(ChangeTrackedSet.For<Professional>("Professionals", FeedScopes.Registry,
            [nameof(Professional.RegionCode), nameof(Professional.DepartmentCode), nameof(Professional.EmployerId), nameof(Professional.UserId)],
            values => new ChangeScopeKeys(
                values.GetValue<string>(nameof(Professional.RegionCode)),
                values.GetValue<string>(nameof(Professional.DepartmentCode)),
                values.GetValue<Guid>(nameof(Professional.EmployerId)),
                null,
                values.GetValue<Guid?>(nameof(Professional.UserId)))));
        services.AddSingleton(ChangeTrackedSet.For<Employer>("Employers", FeedScopes.Organizations,
            [nameof(Employer.RegionCode), nameof(Employer.DepartmentCode)],
            values => new ChangeScopeKeys(
                values.GetValue<string>(nameof(Employer.RegionCode)),
                values.GetValue<string?>(nameof(Employer.DepartmentCode)),
                values.GetValue<Guid>(nameof(Employer.Id)),
                null,
                null)));
    }
}
