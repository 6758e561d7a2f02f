using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Identity.UseCases.Organizations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Admin.Accounts;

/// <summary>
/// <c>/admin/accounts</c>: every account (security administrators), searched by user or display name and filtered
/// by role, organization and state (kept in the address), by user name, 20 a page — <see cref="ListAccounts"/>, as
/// <c>GET /api/admin/accounts</c>.
/// </summary>
internal sealed class IndexModel(IMediator mediator) : SecurityPageModel
{
    private const int PageSize = 20;

    /// <summary>The page of accounts (null when the filters were refused).</summary>
    public Paged<AccountView>? Accounts { get; private set; }

    /// <summary>The search words.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The role filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    /// <summary>The state filter: <c>enabled</c> or <c>disabled</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>The organization filter.</summary>
    [BindProperty(SupportsGet = true, Name = "org")]
    public Guid? OrganizationId { get; set; }

    /// <summary>The organization filtered by, for its name.</summary>
    public OrganizationSummary? Organization { get; private set; }

    /// <summary>Why the filters were refused, if they were.</summary>
    public string? Problem { get; private set; }

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var role = PlatformRoles.All.Contains(Role ?? "") ? Role : null;
        bool? disabled = State switch { "disabled" => true, "enabled" => false, _ => null };
        try
        {
            Accounts = await mediator.Send(new ListAccounts(OrganizationId, role, disabled, string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(), Math.Max(1, page ?? 1), PageSize), cancellationToken).ConfigureAwait(false);
            if (OrganizationId is { } id)
            {
                Organization = Accounts.Items.Count > 0
                    ? new OrganizationSummary(id, Accounts.Items[0].OrganizationCode, Accounts.Items[0].OrganizationName, Accounts.Items[0].OrganizationType, null, "", null, true)
                    : null;
            }
        }
        catch (RequestValidationException problem)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Problem = string.Join(" ", problem.Errors.Select(e => KnowledgeRenewal.Kernel.Web.Ui.FormProblems.Humanize(e.Message)));
        }
    }
}
