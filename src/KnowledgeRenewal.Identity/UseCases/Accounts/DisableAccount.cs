using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Disables an account: it cannot sign in, and its sessions and tokens stop working at once.</summary>
/// <param name="Id">Account id.</param>
internal sealed record DisableAccount(Guid Id) : IRequest<AccountView>;

/// <summary>Handles <see cref="DisableAccount"/>; audited as <see cref="AuditActions.AccountDisabled"/>.</summary>
internal sealed class DisableAccountHandler(PlatformDbContext db, UserManager<PlatformUser> users, AccountChanges changes, TimeProvider clock)
    : IRequestHandler<DisableAccount, AccountView>
{
    /// <inheritdoc />
    public async Task<AccountView> Handle(DisableAccount request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await changes.FindAsync(request.Id).ConfigureAwait(false);
        user.IsDisabled = true;
        AccountRules.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
        await changes.EndTokensAndAuditAsync(user, AuditActions.AccountDisabled, null, cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }
}
