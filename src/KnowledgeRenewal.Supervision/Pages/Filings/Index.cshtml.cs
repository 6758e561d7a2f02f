using KnowledgeRenewal.Supervision.UseCases.Filings;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Filings;

/// <summary>
/// <c>/filings?year=</c>: the December filing of a year as a task list (<see cref="ListFilings"/>, as
/// <c>GET /api/filings</c>) — a base's staff see their base's row and file from it; the program office and counties see
/// every base of their scope with missing, late and returned filings flagged.
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class IndexModel(IMediator mediator) : FilingPageModel
{
    /// <summary>The year asked for (default: this year).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The list.</summary>
    public FilingList List { get; private set; } = null!;

    /// <summary>Loads the list.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Year is < 2000 or > 2100)
        {
            return NotFound();
        }

        List = await mediator.Send(new ListFilings(Year), cancellationToken).ConfigureAwait(false);
        return Page();
    }
}
