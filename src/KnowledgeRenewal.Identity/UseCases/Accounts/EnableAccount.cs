using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Enables a disabled account again.</summary>
/// <param name="Id">Account id.</param>
internal sealed record EnableAccount(Guid Id) : IRequest<AccountView>;

/// <summary>Handles <see cref="EnableAccount"/>; audited as <see cref="AuditActions.AccountEnabled"/>.</summary>
internal sealed class EnableAccountHandler(PlatformDbContext db, UserManager<PlatformUser> users, AccountChanges changes, TimeProvider clock)
    : IRequestHandler<EnableAccount, AccountView>
{
    /// <inheritdoc />
    public async Task<AccountView> Handle(EnableAccount request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await changes.FindAsync(request.Id).ConfigureAwait(false);
        user.IsDisabled = false;
        AccountRules.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
        await changes.EndTokensAndAuditAsync(user, AuditActions.AccountEnabled, null, cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }
}
