using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Removes an account's authenticator: it enrolls a new one at its next sign-in (where two factors are required).</summary>
/// <param name="Id">Account id.</param>
internal sealed record ResetAccountTwoFactor(Guid Id) : IRequest<AccountView>;

/// <summary>Handles <see cref="ResetAccountTwoFactor"/>; audited as <see cref="AuditActions.TwoFactorChanged"/>.</summary>
internal sealed class ResetAccountTwoFactorHandler(PlatformDbContext db, UserManager<PlatformUser> users, AccountChanges changes, TimeProvider clock)
    : IRequestHandler<ResetAccountTwoFactor, AccountView>
{
    /// <inheritdoc />
    public async Task<AccountView> Handle(ResetAccountTwoFactor request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await changes.FindAsync(request.Id).ConfigureAwait(false);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            // Both change the security stamp.
            AccountRules.Check(await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false));
            AccountRules.Check(await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await changes.EndTokensAndAuditAsync(user, AuditActions.TwoFactorChanged, "authenticator reset by a security administrator", cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }
}
