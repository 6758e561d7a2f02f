using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>One account by id (404 when there is none).</summary>
/// <param name="Id">Account id.</param>
internal sealed record GetAccount(Guid Id) : IRequest<AccountView>;

/// <summary>Handles <see cref="GetAccount"/>.</summary>
internal sealed class GetAccountHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<GetAccount, AccountView>
{
    /// <inheritdoc />
    public Task<AccountView> Handle(GetAccount request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AccountViews.GetAsync(db, request.Id, clock, cancellationToken);
    }
}
