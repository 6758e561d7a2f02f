using MediatR;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.Identity.UseCases.Clients;

/// <summary>Lists the integrator clients.</summary>
internal sealed record ListClients : IRequest<IReadOnlyList<ClientView>>;

/// <summary>Handles <see cref="ListClients"/>: every client, by client id.</summary>
internal sealed class ListClientsHandler(IOpenIddictApplicationManager applications) : IRequestHandler<ListClients, IReadOnlyList<ClientView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ClientView>> Handle(ListClients request, CancellationToken cancellationToken)
    {
        var clients = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken).ConfigureAwait(false))
        {
            clients.Add(await ClientViews.ReadAsync(applications, application, cancellationToken).ConfigureAwait(false));
        }

        return [.. clients.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }
}
