using KnowledgeRenewal.Supervision.UseCases.Inspections;

namespace KnowledgeRenewal.Supervision.Pages.Inspections;

/// <summary><c>/supervision/inspections</c> 双随机抽查: every plan with its counts (<see cref="ListInspectionPlans"/>, as <c>GET /api/inspection-plans</c>).</summary>
internal sealed class PlansModel : InspectionPageModel
{
    /// <summary>The plans.</summary>
    public IReadOnlyList<InspectionPlanSummary> Plans { get; private set; } = [];

    /// <summary>Loads the plans.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (_, plans) = await TrySendAsync(new ListInspectionPlans(), cancellationToken).ConfigureAwait(false);
        Plans = plans ?? [];
    }
}
