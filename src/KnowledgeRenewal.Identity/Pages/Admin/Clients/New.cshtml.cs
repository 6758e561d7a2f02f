using KnowledgeRenewal.Identity.UseCases.Clients;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Admin.Clients;

/// <summary>
/// <c>/admin/clients/new</c>: registers an integrator client (<see cref="CreateClient"/>, as
/// <c>POST /api/admin/clients</c>); its secret is shown once on the list after the redirect.
/// </summary>
internal sealed class NewModel : SecurityPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public ClientInput Input { get; set; } = new();

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Registers the client.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var command = new CreateClient { ClientId = Input.ClientId?.Trim() ?? "", DisplayName = Input.DisplayName?.Trim() ?? "", Scopes = Input.Scopes ?? [] };
        var (ok, created) = await TrySendAsync(command, cancellationToken).ConfigureAwait(false);
        if (ok && created is not null)
        {
            KeepSecretForNextPage("client:" + created.Client.ClientId, created.ClientSecret);
            return DoneAndRedirect($"/admin/clients?created={Uri.EscapeDataString(created.Client.ClientId)}", $"对接系统“{created.Client.DisplayName}”已登记。");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.ClientId", "Input.DisplayName", "Input.Scopes"];

    /// <summary>The new client's fields.</summary>
    public sealed class ClientInput
    {
        /// <summary>Client id.</summary>
        public string? ClientId { get; set; }

        /// <summary>Shown name.</summary>
        public string? DisplayName { get; set; }

        /// <summary>Feed scopes.</summary>
        public List<string>? Scopes { get; set; }
    }
}
