using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Inspections;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>
/// The scope of the expert pool and the inspections: the program office (and any caller with every business data)
/// only — the pool holds personal data, and plans and results are the office's until published. Published results
/// reach everyone through the public use case, which reads without the scope and only what is public.
/// </summary>
internal sealed class InspectionsModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ScopeFilter<Expert>((db, e) => db.ScopeAll);
        model.ScopeFilter<InspectionPlan>((db, p) => db.ScopeAll);
        model.ScopeFilter<InspectionQuota>((db, q) => db.ScopeAll);
        model.ScopeFilter<InspectionRiskWeight>((db, w) => db.ScopeAll);
        model.ScopeFilter<InspectionDrawRecord>((db, d) => db.ScopeAll);
        model.ScopeFilter<Inspection>((db, i) => db.ScopeAll);
        model.ScopeFilter<InspectionInspector>((db, i) => db.ScopeAll);
        model.ScopeFilter<InspectionFinding>((db, f) => db.ScopeAll);
        model.ScopeFilter<InspectionEvidence>((db, e) => db.ScopeAll);
    }
}
