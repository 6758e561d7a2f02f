using KnowledgeRenewal.Identity.UseCases.Clients;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Admin.Clients;

/// <summary>
/// <c>/admin/clients</c>: the integrator clients (<see cref="ListClients"/>) with their scopes in words; a new
/// client's secret shown once after its creation; delete (<see cref="DeleteClient"/>) after a confirmation — as
/// <c>/api/admin/clients</c>.
/// </summary>
internal sealed class IndexModel(IMediator mediator) : SecurityPageModel
{
    /// <summary>The clients.</summary>
    public IReadOnlyList<ClientView> Clients { get; private set; } = [];

    /// <summary>The client whose deletion is to be confirmed, if asked.</summary>
    public ClientView? ConfirmDelete { get; private set; }

    /// <summary>The client just created and its secret, on the one load right after.</summary>
    public (string ClientId, string Secret)? Created { get; private set; }

    /// <summary>Shows the clients.</summary>
    public async Task OnGetAsync(string? delete, string? created, CancellationToken cancellationToken)
    {
        Clients = await mediator.Send(new ListClients(), cancellationToken).ConfigureAwait(false);
        ConfirmDelete = delete is null ? null : Clients.FirstOrDefault(c => c.ClientId == delete);
        if (created is not null && TakeSecret("client:" + created) is { } secret)
        {
            Created = (created, secret);
        }
    }

    /// <summary>Deletes a client.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new DeleteClient(clientId), cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return DoneAndRedirect("/admin/clients", $"对接系统“{clientId}”已不存在。");
        }

        return DoneAndRedirect("/admin/clients", $"对接系统“{clientId}”已删除，其接口令牌已全部失效。");
    }
}
