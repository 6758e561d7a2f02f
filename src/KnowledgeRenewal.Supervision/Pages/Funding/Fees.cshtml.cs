using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/supervision/funding/fees</c>: bases' fee standards of a year (<see cref="ListFeeStandards"/>, as
/// <c>GET /api/supervision/funding/fee-standards</c>) — the program office all, a county its region's, a base's staff
/// their own; waiting ones first; a base's staff declare from here.
/// </summary>
[Authorize(Roles = FeeAccess.FeeReaderRoles)]
internal sealed class FeesModel : FundingPageModel
{
    /// <summary>The year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Only one state.</summary>
    [BindProperty(SupportsGet = true)]
    public FeeStandardStatus? Status { get; set; }

    /// <summary>The list.</summary>
    public FeeStandardList? List { get; private set; }

    /// <summary>Whether the caller declares (a base's staff or the program office).</summary>
    public bool MayDeclare => FeeAccess.Declarers.Any(User.IsInRole);

    /// <summary>The states.</summary>
    public static IEnumerable<SelectListItem> States =>
        [new("全部", ""), .. Enum.GetValues<FeeStandardStatus>().Select(s => new SelectListItem(FeeRules.StatusName(s), s.ToString()))];

    /// <summary>Lists.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var (ok, result) = await TrySendAsync(new ListFeeStandards(Year, Status), cancellationToken).ConfigureAwait(false);
        List = ok ? result : null;
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Year), nameof(Status)];
}
