using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Filings;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>
/// The filings' scope: the program office (and clients granted the organization feed) all; a base's staff their own
/// base's; a county its region's bases. A filing's history follows its filing.
/// </summary>
internal sealed class FilingsModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ScopeFilter<BaseFiling>(
            (db, f) => db.ScopeAll || db.ScopeOrganizationFeed || f.OrganizationId == db.ScopeHomeOrganization
                || (f.RegionCode != null && db.ScopeRegions.Contains(f.RegionCode))
                || db.ScopeOrganizations.Contains(f.OrganizationId));
        model.ScopeFilter<BaseFilingEvent>(
            (db, e) => db.ScopeAll || db.Set<BaseFiling>().Any(f => f.Id == e.FilingId));
        model.ScopeFilter<BaseFilingAttachment>(
            (db, a) => db.ScopeAll || db.Set<BaseFiling>().Any(f => f.Id == a.FilingId));
    }
}
