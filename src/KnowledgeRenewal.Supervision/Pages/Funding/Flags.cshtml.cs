using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/supervision/funding/flags</c>: flagged spending lines (<see cref="ListFlaggedSpending"/>, as
/// <c>GET /api/supervision/funding/flags</c>) — the program office city-wide, counties and departments within their
/// scope; filters state, flag and category in the address; paged.
/// </summary>
[Authorize(Roles = FundingAccess.FlagReaderRoles)]
internal sealed class FlagsModel : FundingPageModel
{
    /// <summary>Open, explained or all.</summary>
    [BindProperty(SupportsGet = true)]
    public FlagState? State { get; set; }

    /// <summary>One flag.</summary>
    [BindProperty(SupportsGet = true)]
    public SpendingIssues? Flag { get; set; }

    /// <summary>One category.</summary>
    [BindProperty(SupportsGet = true)]
    public SpendingCategory? Category { get; set; }

    /// <summary>The page.</summary>
    public Paged<SpendingLineView>? Lines { get; private set; }

    /// <summary>Whether a filter is set.</summary>
    public bool Filtered => State is not null || Flag is not null || Category is not null;

    /// <summary>The states.</summary>
    public static IEnumerable<SelectListItem> States => [new("待核实", ""), new("已说明", nameof(FlagState.Explained)), new("全部", nameof(FlagState.All))];

    /// <summary>The flags.</summary>
    public static IEnumerable<SelectListItem> FlagItems =>
        [new("全部", ""), .. FundingLabels.Each((SpendingIssues)31).Select(f => new SelectListItem(FundingLabels.Flag(f), f.ToString()))];

    /// <summary>The categories.</summary>
    public static IEnumerable<SelectListItem> Categories =>
        [new("全部", ""), .. Enum.GetValues<SpendingCategory>().Select(c => new SelectListItem(FundingLabels.Category(c), c.ToString()))];

    /// <summary>Lists.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var (ok, result) = await TrySendAsync(new ListFlaggedSpending(State, Flag, Category, Math.Max(1, pageNumber ?? 1), 20), cancellationToken).ConfigureAwait(false);
        Lines = ok ? result : null;
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(State), nameof(Flag), nameof(Category)];
}
