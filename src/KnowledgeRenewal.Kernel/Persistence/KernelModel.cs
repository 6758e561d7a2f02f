using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>The kernel's share of the model: reference data and the demo seed runs.</summary>
internal sealed class KernelModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ApplyConfigurationsOf<KernelModel>();

        // A tombstone is seen by whoever could have seen the row it stands for, by its OLD scope keys (ADR 0023).
        model.ScopeFilter<ChangeTombstone>(
            (db, t) => db.ScopeAll
                || (t.Feed == FeedScopes.Credits && db.ScopeCreditFeed)
                || (t.Feed == FeedScopes.Registry && db.ScopeRegistryFeed)
                || (t.Feed == FeedScopes.Organizations && db.ScopeOrganizationFeed)
                || (t.RegionCode != null && db.ScopeRegions.Contains(t.RegionCode))
                || (t.DepartmentCode != null && db.ScopeDepartments.Contains(t.DepartmentCode))
                || (t.OrganizationId != null && db.ScopeOrganizations.Contains(t.OrganizationId.Value))
                || (t.ProviderId != null && db.ScopeOrganizations.Contains(t.ProviderId.Value))
                || (t.UserId != null && t.UserId == db.ScopeUser));
    }

    /// <inheritdoc />
    public void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<RegionKind>().HaveConversion<string>().HaveMaxLength(24);
}
