using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/supervision/funding</c>: the projects with money to account for within the caller's scope, with budget,
/// spending and open flags (<see cref="ListFundingProjects"/>, as <c>GET /api/supervision/funding/projects</c>);
/// search and page in the address.
/// </summary>
[Authorize(Roles = FundingAccess.ReaderRoles)]
internal sealed class IndexModel : FundingPageModel
{
    /// <summary>Part of the number or title.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>The page of projects.</summary>
    public Paged<FundingProjectRow>? Projects { get; private set; }

    /// <summary>Lists.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListFundingProjects(Search, Math.Max(1, pageNumber ?? 1), 20), cancellationToken).ConfigureAwait(false);
        Projects = ok ? result : null;
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Search)];
}
