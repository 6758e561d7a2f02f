using KnowledgeRenewal.Kernel.Telemetry;
using System.Security.Claims;
using System.Threading.RateLimiting;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.UseCases.SignIn;

/// <summary>How a sign-in attempt ended. Callers answer every failure before the password is proven identically.</summary>
public enum SignInStatus
{
    /// <summary>Signed in.</summary>
    Succeeded,

    /// <summary>Unknown account, wrong password, locked or disabled account — indistinguishable to the caller.</summary>
    Failed,

    /// <summary>Too many attempts for this account name; try later (429).</summary>
    TooManyAttempts,

    /// <summary>The password is right; a TOTP code is needed.</summary>
    TwoFactorRequired,

    /// <summary>The password is right; the code given is wrong.</summary>
    TwoFactorFailed,

    /// <summary>The password is right; two-factor authentication must be set up first (web UI).</summary>
    TwoFactorEnrollmentRequired,

    /// <summary>The password is right but must be changed first (one-time or expired password).</summary>
    PasswordChangeRequired,
}

/// <summary>The result of a sign-in attempt.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="User">The account, once the password is proven.</param>
public sealed record SignInOutcome(SignInStatus Status, PlatformUser? User = null);

/// <summary>
/// Signs people in — the one place for the web login page and the token endpoint: finds the account by user name,
/// mobile number or resident ID number, checks the password with lockout (5 failures → 15 minutes by default),
/// limits attempts per account name, enforces password rotation and two factors, and audits every attempt.
/// </summary>
public sealed class SignInService(
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIns,
    PlatformDbContext db,
    IdNumberHasher idNumbers,
    IAuditTrail audit,
    TimeProvider clock,
    SignInAttemptLimiter limiter,
    TwoFactorCodes codes,
    IOptions<PasswordPolicyOptions> passwords,
    PlatformMetrics metrics)
{
    /// <summary>Checks the credentials (and a TOTP code when one is needed).</summary>
    public async Task<SignInOutcome> PasswordSignInAsync(string? login, string? password, string? totpCode, CancellationToken cancellationToken)
    {
        login = login?.Trim() ?? "";
        var auditName = AuditName(login);
        if (!limiter.TryAcquire(login))
        {
            await audit.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Denied, Details: "too many attempts for this account name", UserName: auditName), cancellationToken).ConfigureAwait(false);
            metrics.SignInFailed("too_many_attempts");
            return new SignInOutcome(SignInStatus.TooManyAttempts);
        }

        using var elevated = SystemScope.Enter();
        var user = await FindAsync(login, cancellationToken).ConfigureAwait(false);
        if (user is null || user.IsDisabled)
        {
            // Same work and same answer as a wrong password, so that nobody learns which accounts exist.
            users.PasswordHasher.VerifyHashedPassword(user ?? new PlatformUser(), DummyHash, password ?? "");
            await audit.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Failure, nameof(PlatformUser), user?.Id.ToString(), user is null ? "unknown account" : "disabled account", auditName), cancellationToken).ConfigureAwait(false);
            metrics.SignInFailed(user is null ? "unknown_account" : "disabled");
            return new SignInOutcome(SignInStatus.Failed);
        }

        var wasLocked = await users.IsLockedOutAsync(user).ConfigureAwait(false);
        var check = await signIns.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true).ConfigureAwait(false);
        if (!check.Succeeded)
        {
            await audit.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Failure, nameof(PlatformUser), user.Id.ToString(), wasLocked ? "locked out" : "wrong password", user.UserName), cancellationToken).ConfigureAwait(false);
            metrics.SignInFailed(wasLocked ? "locked_out" : "wrong_password");
            if (!wasLocked && check.IsLockedOut)
            {
                await audit.RecordAsync(new AuditEvent(AuditActions.LockedOut, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), $"until {user.LockoutEnd:O}", user.UserName), cancellationToken).ConfigureAwait(false);
            }

            return new SignInOutcome(SignInStatus.Failed);
        }

        var roles = await users.GetRolesAsync(user).ConfigureAwait(false);
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == user.OrganizationId, cancellationToken).ConfigureAwait(false);
        return await AfterPasswordAsync(user, RoleCatalog.RequiresTwoFactor(roles, organization.Type) || user.TwoFactorEnabled, totpCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The second step of a web sign-in, once the password has been proven (<see cref="SignInStatus.TwoFactorRequired"/>):
    /// checks the TOTP code alone, with the rules of <see cref="PasswordSignInAsync"/> — attempts per account name,
    /// lockout (a wrong code counts as a failed sign-in), the password-rotation step, and an audit record either way.
    /// </summary>
    /// <param name="user">The account whose password was proven (the caller checked its security stamp).</param>
    /// <param name="totpCode">The code typed.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<SignInOutcome> CodeSignInAsync(PlatformUser user, string? totpCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!limiter.TryAcquire(user.UserName ?? user.Id.ToString()))
        {
            await audit.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Denied, nameof(PlatformUser), user.Id.ToString(), "too many attempts for this account name", user.UserName), cancellationToken).ConfigureAwait(false);
            metrics.SignInFailed("too_many_attempts");
            return new SignInOutcome(SignInStatus.TooManyAttempts, user);
        }

        using var elevated = SystemScope.Enter();
        if (user.IsDisabled || !user.TwoFactorEnabled || await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            var why = user.IsDisabled ? "disabled account" : user.TwoFactorEnabled ? "locked out" : "two factors not enabled";
            await audit.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Failure, nameof(PlatformUser), user.Id.ToString(), why, user.UserName), cancellationToken).ConfigureAwait(false);
            metrics.SignInFailed(user.IsDisabled ? "disabled" : user.TwoFactorEnabled ? "locked_out" : "two_factor_off");
            return new SignInOutcome(SignInStatus.Failed);
        }

        var outcome = await AfterPasswordAsync(user, twoFactorNeeded: true, totpCode, cancellationToken).ConfigureAwait(false);

        // A wrong code that locked the account ends the attempt like a wrong password does.
        return outcome.Status == SignInStatus.TwoFactorFailed && await users.IsLockedOutAsync(user).ConfigureAwait(false)
            ? new SignInOutcome(SignInStatus.Failed)
            : outcome;
    }

    // What follows a proven password, for both steps: the second factor, the password rotation, then success.
    private async Task<SignInOutcome> AfterPasswordAsync(PlatformUser user, bool twoFactorNeeded, string? totpCode, CancellationToken cancellationToken)
    {
        if (twoFactorNeeded)
        {
            if (!user.TwoFactorEnabled)
            {
                return await Outcome(SignInStatus.TwoFactorEnrollmentRequired, user, "two-factor enrollment required", cancellationToken).ConfigureAwait(false);
            }

            if (string.IsNullOrWhiteSpace(totpCode))
            {
                return new SignInOutcome(SignInStatus.TwoFactorRequired, user);
            }

            var valid = await codes.VerifyAsync(user, totpCode).ConfigureAwait(false);
            if (!valid)
            {
                await users.AccessFailedAsync(user).ConfigureAwait(false);
                var outcome = await Outcome(SignInStatus.TwoFactorFailed, user, "wrong TOTP code", cancellationToken).ConfigureAwait(false);
                metrics.SignInFailed("wrong_code");
                if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
                {
                    await audit.RecordAsync(new AuditEvent(AuditActions.LockedOut, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), $"until {user.LockoutEnd:O}", user.UserName), cancellationToken).ConfigureAwait(false);
                }

                return outcome;
            }
        }

        if (user.MustChangePassword || PasswordExpired(user))
        {
            return await Outcome(SignInStatus.PasswordChangeRequired, user, user.MustChangePassword ? "one-time password must be changed" : "password expired", cancellationToken).ConfigureAwait(false);
        }

        await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), null, user.UserName), cancellationToken).ConfigureAwait(false);
        return new SignInOutcome(SignInStatus.Succeeded, user);
    }

    /// <summary>The principal of a signed-in account: identity, roles, organization, region, sector and security stamp.</summary>
    public async Task<ClaimsPrincipal> CreatePrincipalAsync(PlatformUser user, string authenticationType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var elevated = SystemScope.Enter();
        var roles = await users.GetRolesAsync(user).ConfigureAwait(false);
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == user.OrganizationId, cancellationToken).ConfigureAwait(false);
        var identity = new ClaimsIdentity(authenticationType, PlatformClaims.Name, PlatformClaims.Role);
        identity.AddClaim(new Claim(PlatformClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.Name, user.UserName ?? ""));
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PlatformClaims.Organization, organization.Id.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.OrganizationType, organization.Type.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.Region, organization.RegionCode));
        if (organization.DepartmentCode is { } department)
        {
            identity.AddClaim(new Claim(PlatformClaims.Department, department));
        }

        identity.AddClaim(new Claim(PlatformClaims.SecurityStamp, user.SecurityStamp ?? ""));
        identity.AddClaim(new Claim(PlatformClaims.AuthenticatedAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(PlatformClaims.Role, role));
        }

        foreach (var permission in (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == PlatformClaims.Permission))
        {
            identity.AddClaim(new Claim(PlatformClaims.Permission, permission.Value));
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether the account's password is older than the rotation period.</summary>
    public bool PasswordExpired(PlatformUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var days = passwords.Value.RotationDays;
        return days > 0 && user.PasswordChangedAt.AddDays(days) < clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Finds an account by user name, mobile number or resident ID number (the caller elevates).</summary>
    public async Task<PlatformUser?> FindAsync(string login, CancellationToken cancellationToken)
    {
        if (ResidentIdNumber.TryParse(login, ProgramCalendar.Today(clock), out var idNumber, out _))
        {
            var hash = idNumbers.Hash(idNumber);
            return await db.Users.FirstOrDefaultAsync(u => u.IdNumberHash == hash, cancellationToken).ConfigureAwait(false);
        }

        if (MobileNumber.Normalize(login) is { } phone)
        {
            var byPhone = await db.Users.Where(u => u.PhoneNumber == phone).Take(2).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (byPhone.Count == 1)
            {
                return byPhone[0];
            }
        }

        return await users.FindByNameAsync(login).ConfigureAwait(false);
    }

    private async Task<SignInOutcome> Outcome(SignInStatus status, PlatformUser user, string details, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Failure, nameof(PlatformUser), user.Id.ToString(), details, user.UserName), cancellationToken).ConfigureAwait(false);
        return new SignInOutcome(status, user);
    }

    // Personal identifiers typed as a login name are masked before they reach the audit log.
    private string AuditName(string login) =>
        ResidentIdNumber.TryParse(login, ProgramCalendar.Today(clock), out var id, out _) ? id.Masked
        : MobileNumber.Normalize(login) is { } phone ? MobileNumber.Mask(phone)
        : login.Length > 64 ? login[..64] : login;

    // A valid hash of a random password: verifying against it costs what a real verification costs.
    private static readonly string DummyHash = new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), Guid.NewGuid().ToString());
}

/// <summary>Limits sign-in attempts per account name (the per-IP limit is the rate limiter's "sign-in" policy).</summary>
public sealed class SignInAttemptLimiter(IOptions<SecurityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one attempt for <paramref name="login"/>; false when none is left this minute.</summary>
    public bool TryAcquire(string login)
    {
        using var lease = limiter.AttemptAcquire(login.ToUpperInvariant());
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => limiter.Dispose();
}
