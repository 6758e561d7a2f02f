using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Programs.Persistence;

/// <summary>Projects, followed by integrators with delta links (ADR 0023), scoped by their own columns.</summary>
internal static class ProjectChangeTracking
{
    public static void Add(IServiceCollection services) =>
        services.AddSingleton(ChangeTrackedSet.For<Project>("Projects", FeedScopes.Credits,
            [nameof(Project.RegionCode), nameof(Project.DepartmentCode), nameof(Project.ApplicantOrganizationId), nameof(Project.ProviderId)],
            values => new ChangeScopeKeys(
                values.GetValue<string>(nameof(Project.RegionCode)),
                values.GetValue<string?>(nameof(Project.DepartmentCode)),
                values.GetValue<Guid>(nameof(Project.ApplicantOrganizationId)),
                values.GetValue<Guid?>(nameof(Project.ProviderId)),
                null)));
}
