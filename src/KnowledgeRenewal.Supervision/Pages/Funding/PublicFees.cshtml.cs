using KnowledgeRenewal.Supervision.UseCases.Funding;
using KnowledgeRenewal.Supervision.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/fees</c> 收费标准公示: the approved fee standards of bases without sign-in, rate-limited per client address like
/// the inspection results — <see cref="ListPublicFeeStandards"/>, as <c>GET /api/public/fee-standards</c>. No names of people.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(InspectionsApi.PublicPolicy)]
internal sealed class PublicFeesModel : FundingPageModel
{
    /// <summary>The year (all recent years when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The standards.</summary>
    public IReadOnlyList<PublicFeeStandard> Standards { get; private set; } = [];

    /// <summary>Loads the standards.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var (ok, result) = await TrySendAsync(new ListPublicFeeStandards(Year), cancellationToken).ConfigureAwait(false);
        Standards = ok ? result! : [];
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Year)];
}
