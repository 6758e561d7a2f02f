using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>
/// What every change of an existing account shares: the account is found as the caller's scope shows it (security
/// administrators see every account) and is never the caller's own (403); afterwards its sessions end (the change
/// gives it a new security stamp), its tokens are revoked here, and the change is audited (entity
/// <c>PlatformUser</c>, key = account id, no personal data in the details).
/// </summary>
internal sealed class AccountChanges(UserManager<PlatformUser> users, IOpenIddictTokenManager tokens, ICurrentAccess access, IAuditTrail audit)
{
    /// <summary>The account to change (404 when there is none, 403 when it is the caller's own).</summary>
    public async Task<PlatformUser> FindAsync(Guid id)
    {
        AccountRules.EnsureNotSelf(access.UserId, id);
        return await users.FindByIdAsync(id.ToString()).ConfigureAwait(false) ?? throw new NotFoundException("账号", id);
    }

    /// <summary>Revokes the account's refresh and access tokens, then records <paramref name="action"/> in the audit log.</summary>
    public async Task EndTokensAndAuditAsync(PlatformUser user, string action, string? details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEvent(action, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), details), cancellationToken).ConfigureAwait(false);
    }
}
