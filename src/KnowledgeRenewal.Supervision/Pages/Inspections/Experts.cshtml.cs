using KnowledgeRenewal.Supervision.UseCases.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Inspections;

/// <summary><c>/supervision/experts</c> 专家库: the pool with phones masked, searched by name, specialty or organization (<see cref="ListExperts"/>, as <c>GET /api/experts</c>).</summary>
internal sealed class ExpertsModel : InspectionPageModel
{
    /// <summary>The search text.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The experts.</summary>
    public IReadOnlyList<ExpertView> Experts { get; private set; } = [];

    /// <summary>Loads the pool.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (_, experts) = await TrySendAsync(new ListExperts(Search), cancellationToken).ConfigureAwait(false);
        Experts = experts ?? [];
    }
}
