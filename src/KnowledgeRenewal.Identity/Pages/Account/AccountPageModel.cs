using System.Globalization;
using System.Security.Claims;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Identity.Pages.Account;

/// <summary>
/// The person an account page works for: either signed in (the session cookie), or between "password proven" and
/// "signed in" (the pending cookie, <see cref="IdentityConstants.TwoFactorUserIdScheme"/>) — setting up two factors
/// or replacing a one-time or expired password.
/// </summary>
/// <param name="User">The account.</param>
/// <param name="PendingPurpose">For a pending person, what is left to do (<see cref="PendingSignIn.Enroll"/>, <see cref="PendingSignIn.Password"/> or <see cref="PendingSignIn.Code"/>); null when signed in.</param>
/// <param name="ReturnUrl">Where a pending person goes once signed in (local addresses only).</param>
public sealed record AccountSubject(PlatformUser User, string? PendingPurpose, string? ReturnUrl)
{
    /// <summary>Whether the person is not signed in yet.</summary>
    public bool IsPending => PendingPurpose is not null;
}

/// <summary>The pending principal: who proved their password and what they must do before they are signed in.</summary>
internal static class PendingSignIn
{
    /// <summary>Claim: what is left to do.</summary>
    public const string PurposeClaim = "kr:pending";

    /// <summary>Claim: where to go once signed in.</summary>
    public const string ReturnUrlClaim = "kr:return";

    /// <summary>Two-factor authentication must be set up.</summary>
    public const string Enroll = "enroll";

    /// <summary>The password must be changed.</summary>
    public const string Password = "password";

    /// <summary>The two-factor code must be given (the second step of signing in).</summary>
    public const string Code = "code";

    /// <summary>Claim: when the step expires (Unix seconds), for steps shorter than the pending cookie's lifetime.</summary>
    public const string ExpiresClaim = "kr:until";

    public static ClaimsPrincipal Create(PlatformUser user, string purpose, string? returnUrl, DateTimeOffset? expires = null)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.AddClaim(new Claim(PlatformClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.Name, user.UserName ?? ""));
        identity.AddClaim(new Claim(PlatformClaims.SecurityStamp, user.SecurityStamp ?? ""));
        identity.AddClaim(new Claim(PurposeClaim, purpose));
        if (!string.IsNullOrEmpty(returnUrl))
        {
            identity.AddClaim(new Claim(ReturnUrlClaim, returnUrl));
        }

        if (expires is { } until)
        {
            identity.AddClaim(new Claim(ExpiresClaim, until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(identity);
    }
}

/// <summary>
/// Shared plumbing of the account pages: finding the person (signed in or pending), signing them in, the pending
/// step and local-only return addresses. Credentials are checked by <see cref="SignInService"/> alone.
/// </summary>
public abstract class AccountPageModel(UserManager<PlatformUser> users, SignInService signIn, IAuditTrail audit, TimeProvider clock) : PageModel
{
    /// <summary>Where to go afterwards (local addresses only; anything else means the home page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Account operations.</summary>
    protected UserManager<PlatformUser> Users => users;

    /// <summary>The sign-in service (credentials, two factors, rotation).</summary>
    protected SignInService Credentials => signIn;

    /// <summary>The audit trail.</summary>
    protected IAuditTrail Audit => audit;

    /// <summary>The clock.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>
    /// Runs account operations of a pending person as the platform (nobody is signed in yet, so the caller's own
    /// scope would hide the account); does nothing for a signed-in person. Call it synchronously in the handler.
    /// </summary>
    internal static IDisposable? ElevateIfPending(AccountSubject subject) => subject.IsPending ? SystemScope.Enter() : null;

    /// <summary>Whether the last <see cref="FindSubjectAsync(string[])"/> found a pending step that had expired.</summary>
    protected bool PendingExpired { get; private set; }

    /// <summary>
    /// The person at hand: a valid pending principal setting up two factors or replacing the password first, then the
    /// signed-in session; null when neither. A pending sign-in still waiting for its code is not accepted here.
    /// </summary>
    protected Task<AccountSubject?> FindSubjectAsync() => FindSubjectAsync(PendingSignIn.Enroll, PendingSignIn.Password);

    /// <summary>
    /// The person at hand: a valid pending principal for one of <paramref name="purposes"/> first, then the signed-in
    /// session; null when neither. A pending principal for another purpose is ignored (and kept); one that is no longer
    /// valid (expired step, disabled or locked account, changed security stamp) is dropped.
    /// </summary>
    protected async Task<AccountSubject?> FindSubjectAsync(params string[] purposes)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        PendingExpired = false;
        var pending = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme).ConfigureAwait(false);
        var pendingPurpose = pending.Succeeded ? pending.Principal.FindFirst(PendingSignIn.PurposeClaim)?.Value : null;
        if (pendingPurpose is not null && purposes.Contains(pendingPurpose, StringComparer.Ordinal)
            && pending.Principal!.FindFirst(PlatformClaims.Subject)?.Value is { } subject)
        {
            if (pending.Principal.FindFirst(PendingSignIn.ExpiresClaim)?.Value is { } until
                && (!long.TryParse(until, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    || clock.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(seconds)))
            {
                PendingExpired = true;
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme).ConfigureAwait(false);
                return null;
            }

            PlatformUser? user;
            bool lockedOut;
            using (SystemScope.Enter())
            {
                user = await users.FindByIdAsync(subject).ConfigureAwait(false);
                lockedOut = user is not null && await users.IsLockedOutAsync(user).ConfigureAwait(false);
            }

            if (user is not null && !user.IsDisabled && !lockedOut
                && string.Equals(user.SecurityStamp, pending.Principal.FindFirst(PlatformClaims.SecurityStamp)?.Value, StringComparison.Ordinal))
            {
                return new AccountSubject(user, pendingPurpose, pending.Principal.FindFirst(PendingSignIn.ReturnUrlClaim)?.Value);
            }

            // Disabled, locked, or changed (new password, roles) since the password was proven: start again.
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme).ConfigureAwait(false);
        }

        // AccountStateMiddleware has already dropped sessions of disabled or changed accounts.
        if (IsSession(User))
        {
            var user = await users.GetUserAsync(User).ConfigureAwait(false);
            if (user is not null && !user.IsDisabled)
            {
                return new AccountSubject(user, null, null);
            }
        }

        return null;
    }

    /// <summary>Starts (or continues) the pending step: drops any session, remembers who proved the password and what is left.</summary>
    /// <param name="user">The account whose password was proven.</param>
    /// <param name="purpose">What is left to do.</param>
    /// <param name="returnUrl">Where to go once signed in.</param>
    /// <param name="lifetime">A lifetime shorter than the pending cookie's, if the step has one (the code step).</param>
    protected async Task BeginPendingAsync(PlatformUser user, string purpose, string? returnUrl, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        await HttpContext.SignInAsync(
            IdentityConstants.TwoFactorUserIdScheme,
            PendingSignIn.Create(user, purpose, LocalOrNull(returnUrl), lifetime is { } span ? clock.GetUtcNow() + span : null),
            new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
    }

    /// <summary>Signs the person in with a new web session (and ends any pending step).</summary>
    /// <param name="user">The account.</param>
    /// <param name="keepAuthTimeOf">When only refreshing a session (after a change of the security stamp), the old session: its sign-in time is kept, so the absolute lifetime still counts from the real sign-in.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    protected async Task SignInSessionAsync(PlatformUser user, ClaimsPrincipal? keepAuthTimeOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var principal = await signIn.CreatePrincipalAsync(user, IdentityConstants.ApplicationScheme, cancellationToken).ConfigureAwait(false);
        var identity = (ClaimsIdentity)principal.Identity!;
        if (keepAuthTimeOf?.FindFirst(PlatformClaims.AuthenticatedAt) is { } authTime
            && long.TryParse(authTime.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && identity.FindFirst(PlatformClaims.AuthenticatedAt) is { } fresh)
        {
            identity.RemoveClaim(fresh);
            identity.AddClaim(new Claim(PlatformClaims.AuthenticatedAt, authTime.Value));
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme).ConfigureAwait(false);
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends a pending step with a sign-in: what <see cref="SignInService"/> does on success (failure count reset,
    /// last sign-in, audit record), then the web session. The caller has elevated (<see cref="ElevateIfPending"/>).
    /// </summary>
    protected async Task CompletePendingSignInAsync(PlatformUser user, string details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), details, user.UserName), cancellationToken).ConfigureAwait(false);
        await SignInSessionAsync(user, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="principal"/> is a signed-in web session (not a bearer token, not a pending step).</summary>
    public static bool IsSession(ClaimsPrincipal principal) =>
        principal?.Identity is { IsAuthenticated: true } identity
        && string.Equals(identity.AuthenticationType, IdentityConstants.ApplicationScheme, StringComparison.Ordinal);

    /// <summary>The address if it is local to the platform, else null.</summary>
    protected string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;

    /// <summary>The address if it is local to the platform, else the workbench.</summary>
    protected string LocalOrHome(string? url) => LocalOrNull(url) ?? "/workbench";

    /// <summary>Goes to <paramref name="url"/> if local, else the workbench.</summary>
    protected LocalRedirectResult RedirectToLocal(string? url) => LocalRedirect(LocalOrHome(url));
}
