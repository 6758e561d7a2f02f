using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>
/// An account as security administrators see it: never a password hash, security stamp, authenticator key or ID
/// number; the phone number masked.
/// </summary>
/// <param name="Id">Account id.</param>
/// <param name="UserName">User name.</param>
/// <param name="DisplayName">Shown name.</param>
/// <param name="OrganizationId">Its organization.</param>
/// <param name="OrganizationCode">The organization's code.</param>
/// <param name="OrganizationName">The organization's name.</param>
/// <param name="OrganizationType">The organization's type.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="Phone">Mobile number, masked (<c>138****5678</c>).</param>
/// <param name="HasIdNumber">Whether a resident ID number is bound (sign-in by ID number).</param>
/// <param name="IsDisabled">Whether it is disabled.</param>
/// <param name="MustChangePassword">Whether it signs in with a one-time password that must be replaced.</param>
/// <param name="TwoFactorEnabled">Whether an authenticator is enrolled.</param>
/// <param name="LockedOutUntil">End of a running lockout (UTC), if any.</param>
/// <param name="CreatedAt">Created (UTC).</param>
/// <param name="PasswordChangedAt">Password last set (UTC).</param>
/// <param name="LastSignInAt">Last successful sign-in (UTC).</param>
/// <param name="Permissions">Individual permissions granted on top of the roles (see <see cref="PlatformPermissions"/>).</param>
internal sealed record AccountView(
    Guid Id,
    string UserName,
    string DisplayName,
    Guid OrganizationId,
    string OrganizationCode,
    string OrganizationName,
    OrganizationType OrganizationType,
    IReadOnlyList<string> Roles,
    string? Phone,
    bool HasIdNumber,
    bool IsDisabled,
    bool MustChangePassword,
    bool TwoFactorEnabled,
    DateTime? LockedOutUntil,
    DateTime CreatedAt,
    DateTime PasswordChangedAt,
    DateTime? LastSignInAt,
    IReadOnlyList<string> Permissions);

/// <summary>An account and its one-time password, which is shown this once and never again.</summary>
/// <param name="Account">The account.</param>
/// <param name="OneTimePassword">The password to hand over; it must be changed at the first sign-in.</param>
internal sealed record AccountWithPassword(AccountView Account, string OneTimePassword);

/// <summary>An account with its organization, as read in the database (before roles, permissions and masking).</summary>
internal sealed record AccountRow(
    Guid Id,
    string? UserName,
    string DisplayName,
    Guid OrganizationId,
    string OrganizationCode,
    string OrganizationName,
    OrganizationType OrganizationType,
    string? PhoneNumber,
    bool HasIdNumber,
    bool IsDisabled,
    bool MustChangePassword,
    bool TwoFactorEnabled,
    DateTimeOffset? LockoutEnd,
    DateTime CreatedAt,
    DateTime PasswordChangedAt,
    DateTime? LastSignInAt);

/// <summary>Reads account views (within the caller's scope: security administrators see every account).</summary>
internal static class AccountViews
{
    /// <summary>The rows of <paramref name="users"/> with their organizations (a query: it runs in the database).</summary>
    public static IQueryable<AccountRow> Rows(PlatformDbContext db, IQueryable<PlatformUser> users) =>
        users.Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new AccountRow(
            u.Id,
            u.UserName,
            u.DisplayName,
            u.OrganizationId,
            o.Code,
            o.Name,
            o.Type,
            u.PhoneNumber,
            u.IdNumberHash != null,
            u.IsDisabled,
            u.MustChangePassword,
            u.TwoFactorEnabled,
            u.LockoutEnd,
            u.CreatedAt,
            u.PasswordChangedAt,
            u.LastSignInAt));

    /// <summary>The views of <paramref name="rows"/>, in their order: roles and permissions read for them, the phone masked.</summary>
    public static async Task<IReadOnlyList<AccountView>> ViewsAsync(PlatformDbContext db, IReadOnlyList<AccountRow> rows, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var roles = (await (from link in db.UserRoles
                            join role in db.Roles on link.RoleId equals role.Id
                            where ids.Contains(link.UserId)
                            select new { link.UserId, role.Name })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false))
            .ToLookup(r => r.UserId, r => r.Name!);
        var permissions = (await db.UserClaims
                .Where(c => ids.Contains(c.UserId) && c.ClaimType == PlatformClaims.Permission)
                .Select(c => new { c.UserId, c.ClaimValue })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false))
            .ToLookup(c => c.UserId, c => c.ClaimValue!);
        var now = clock.GetUtcNow();
        return
        [
            .. rows.Select(r => new AccountView(
                r.Id,
                r.UserName ?? "",
                r.DisplayName,
                r.OrganizationId,
                r.OrganizationCode,
                r.OrganizationName,
                r.OrganizationType,
                [.. roles[r.Id].OrderBy(Order)],
                r.PhoneNumber is null ? null : MobileNumber.Mask(r.PhoneNumber),
                r.HasIdNumber,
                r.IsDisabled,
                r.MustChangePassword,
                r.TwoFactorEnabled,
                r.LockoutEnd is { } end && end > now ? end.UtcDateTime : null,
                r.CreatedAt,
                r.PasswordChangedAt,
                r.LastSignInAt,
                [.. permissions[r.Id].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])),
        ];
    }

    /// <summary>One account's view (404 when the caller's scope shows no such account).</summary>
    public static async Task<AccountView> GetAsync(PlatformDbContext db, Guid id, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rows = await Rows(db, db.Users.AsNoTracking().Where(u => u.Id == id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (await ViewsAsync(db, rows, clock, cancellationToken).ConfigureAwait(false)).SingleOrDefault()
            ?? throw new NotFoundException("账号", id);
    }

    // Roles in catalog order (business roles first).
    private static int Order(string role)
    {
        var index = PlatformRoles.All.ToList().IndexOf(role);
        return index < 0 ? int.MaxValue : index;
    }
}
