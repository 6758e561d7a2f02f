using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Gives an account a new one-time password (returned once; must be changed at the next sign-in) and lifts a lockout.</summary>
/// <param name="Id">Account id.</param>
internal sealed record ResetAccountPassword(Guid Id) : IRequest<AccountWithPassword>;

/// <summary>Handles <see cref="ResetAccountPassword"/>; audited as <see cref="AuditActions.PasswordChanged"/>.</summary>
internal sealed class ResetAccountPasswordHandler(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    AccountChanges changes,
    IOptions<PasswordPolicyOptions> passwords,
    TimeProvider clock) : IRequestHandler<ResetAccountPassword, AccountWithPassword>
{
    /// <inheritdoc />
    public async Task<AccountWithPassword> Handle(ResetAccountPassword request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await changes.FindAsync(request.Id).ConfigureAwait(false);
        var password = OneTimePasswords.Generate(passwords.Value, user.UserName, user.PhoneNumber);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            // Resetting the password changes the security stamp; the one-time password must be replaced at sign-in.
            var token = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
            user.MustChangePassword = true;
            user.PasswordChangedAt = clock.GetUtcNow().UtcDateTime;
            AccountRules.Check(await users.ResetPasswordAsync(user, token, password).ConfigureAwait(false));
            AccountRules.Check(await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false));
            AccountRules.Check(await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await changes.EndTokensAndAuditAsync(user, AuditActions.PasswordChanged, "reset by a security administrator; one-time password", cancellationToken).ConfigureAwait(false);
        return new AccountWithPassword(await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false), password);
    }
}
