using KnowledgeRenewal.Supervision.UseCases.Inspections;
using KnowledgeRenewal.Supervision.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Supervision.Pages.Inspections;

/// <summary>
/// <c>/inspections</c> 抽查结果公开 (一公开): the published results without sign-in, rate-limited per client address —
/// <see cref="ListPublicInspectionResults"/>, as <c>GET /api/public/inspection-results</c>. No inspectors' names, no personal data.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(InspectionsApi.PublicPolicy)]
internal sealed class PublicModel(IMediator mediator) : PageModel
{
    /// <summary>The published plans.</summary>
    public IReadOnlyList<PublicInspectionResults> Results { get; private set; } = [];

    /// <summary>Loads the results.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = await mediator.Send(new ListPublicInspectionResults(), cancellationToken).ConfigureAwait(false);

    /// <summary>A day.</summary>
    public static string Day(DateOnly? day) => day is { } d ? KnowledgeRenewal.Kernel.Web.Ui.PlatformPageModel.Day(d) : "—";
}
