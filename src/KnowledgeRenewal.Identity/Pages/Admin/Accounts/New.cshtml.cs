using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Identity.UseCases.Organizations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Identity.Pages.Admin.Accounts;

/// <summary>
/// <c>/admin/accounts/new</c>: creates an account (<see cref="CreateAccount"/>, as <c>POST /api/admin/accounts</c>):
/// the organization found by a search, the roles within the organization fit and the three-role separation (the
/// use case's refusal is shown next to the roles), optional phone and ID number. The one-time password is shown
/// once on the account's page after the redirect.
/// </summary>
internal sealed class NewModel(IMediator mediator) : SecurityPageModel
{
    /// <summary>Organizations offered at most.</summary>
    public const int OrganizationsOffered = 50;

    /// <summary>The form.</summary>
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    /// <summary>The organization search words.</summary>
    [BindProperty(SupportsGet = true, Name = "orgq")]
    public string? OrganizationSearch { get; set; }

    /// <summary>The organizations to choose from.</summary>
    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    /// <summary>The role check boxes.</summary>
    public RoleChoices RoleChoices => new("Input.Roles", Input.Roles ?? []);

    /// <summary>How many organizations matched the search.</summary>
    public int OrganizationsFound { get; private set; }

    /// <summary>Shows the form.</summary>
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Creates the account.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var command = new CreateAccount
        {
            UserName = Input.UserName?.Trim() ?? "",
            DisplayName = Input.DisplayName?.Trim() ?? "",
            OrganizationId = Input.OrganizationId ?? Guid.Empty,
            Roles = Input.Roles ?? [],
            Phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone,
            IdNumber = string.IsNullOrWhiteSpace(Input.IdNumber) ? null : Input.IdNumber,
        };
        var (ok, created) = await TrySendAsync(command, cancellationToken).ConfigureAwait(false);
        if (ok && created is not null)
        {
            KeepSecretForNextPage(created.Account.Id.ToString(), created.OneTimePassword);
            return DoneAndRedirect($"/admin/accounts/{created.Account.Id:D}", $"账号“{created.Account.UserName}”已创建。");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        ["Input.UserName", "Input.DisplayName", "Input.OrganizationId", "Input.Roles", "Input.Phone", "Input.IdNumber"];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(OrganizationSearch) ? null : OrganizationSearch.Trim();
        var found = await mediator.Send(new ListOrganizations(null, null, null, search, 1, OrganizationsOffered), cancellationToken).ConfigureAwait(false);
        OrganizationsFound = found.Total;
        var items = found.Items.Select(o => new SelectListItem($"{o.Name}（{OrganizationTypeName(o.Type)}，{o.Code}）", o.Id.ToString())).ToList();
        if (Input.OrganizationId is { } chosen && items.All(i => i.Value != chosen.ToString()))
        {
            // The organization chosen before a refusal stays on offer even when the search no longer finds it.
            var kept = await mediator.Send(new ListOrganizations(null, null, null, null, 1, 200), cancellationToken).ConfigureAwait(false);
            if (kept.Items.FirstOrDefault(o => o.Id == chosen) is { } o)
            {
                items.Insert(0, new SelectListItem($"{o.Name}（{OrganizationTypeName(o.Type)}，{o.Code}）", o.Id.ToString()));
            }
        }

        items.Insert(0, new SelectListItem("请选择单位", ""));
        Organizations = items;
    }

    /// <summary>The new account's fields.</summary>
    public sealed class AccountInput
    {
        /// <summary>User name.</summary>
        public string? UserName { get; set; }

        /// <summary>Shown name.</summary>
        public string? DisplayName { get; set; }

        /// <summary>Organization.</summary>
        public Guid? OrganizationId { get; set; }

        /// <summary>Roles.</summary>
        public List<string>? Roles { get; set; }

        /// <summary>Mobile number.</summary>
        public string? Phone { get; set; }

        /// <summary>Resident ID number.</summary>
        public string? IdNumber { get; set; }
    }
}
