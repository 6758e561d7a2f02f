using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.Identity.UseCases.Clients;

/// <summary>Removes an integrator client; its tokens stop working at once.</summary>
/// <param name="ClientId">Client id.</param>
internal sealed record DeleteClient(string ClientId) : IRequest<Unit>;

/// <summary>Handles <see cref="DeleteClient"/>: revokes the client's tokens, removes it; audited as <see cref="AuditActions.ClientChanged"/>.</summary>
internal sealed class DeleteClientHandler(IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, IAuditTrail audit)
    : IRequestHandler<DeleteClient, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeleteClient request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await applications.FindByClientIdAsync(request.ClientId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("客户端", request.ClientId);
        var id = await applications.GetIdAsync(application, cancellationToken).ConfigureAwait(false);
        if (id is not null)
        {
            await tokens.RevokeByApplicationIdAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await applications.DeleteAsync(application, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEvent(AuditActions.ClientChanged, AuditOutcome.Success, "Client", request.ClientId, "deleted; tokens revoked"), cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
