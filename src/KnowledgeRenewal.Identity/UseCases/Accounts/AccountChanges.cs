using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Identity.Contracts;
namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Replaces an account's roles (same checks as creation; nobody changes their own roles).</summary>
/// <param name="Id">Account id.</param>
/// <param name="Roles">The new roles.</param>
public sealed record ChangeAccountRoles(Guid Id, IReadOnlyList<string> Roles) : IRequest<AccountView>;

/// <summary>The body of a role change: only the roles are read.</summary>
/// <param name="Roles">The new roles.</param>
public sealed record RolesBody(IReadOnlyList<string>? Roles);

/// <summary>Checks a role change.</summary>
public sealed class ChangeAccountRolesValidator : AbstractValidator<ChangeAccountRoles>
{
    /// <summary>Creates the validator.</summary>
    public ChangeAccountRolesValidator()
    {
        RuleFor(a => a.Roles).NotEmpty().WithErrorCode("required").WithMessage(RoleMessages.Required);
        RuleForEach(a => a.Roles).Must(RoleMessages.Exists).WithErrorCode("unknown_role").WithMessage((_, role) => RoleMessages.Unknown(role));
    }
}

/// <summary>
/// Replaces an account's individual permissions (see <see cref="PlatformPermissions"/>), e.g. unmasking personal data.
/// Only known permissions; never to a system, security or audit administrator (three-role separation: they hold no
/// business data); never one's own account.
/// </summary>
/// <param name="Id">Account id.</param>
/// <param name="Permissions">The permissions it holds from now on (empty: none).</param>
public sealed record ChangeAccountPermissions(Guid Id, IReadOnlyList<string> Permissions) : IRequest<AccountView>;

/// <summary>The body of a permission change: only the permissions are read.</summary>
/// <param name="Permissions">The permissions the account holds from now on.</param>
public sealed record PermissionsBody(IReadOnlyList<string>? Permissions);

/// <summary>Checks a permission change.</summary>
public sealed class ChangeAccountPermissionsValidator : AbstractValidator<ChangeAccountPermissions>
{
    /// <summary>Creates the validator.</summary>
    public ChangeAccountPermissionsValidator()
    {
        RuleFor(a => a.Permissions).NotNull().WithErrorCode("required").WithMessage("权限列表（permissions）不能为空，撤销全部权限请提交空数组。");
        RuleForEach(a => a.Permissions).Must(p => p is not null && PlatformPermissions.All.Contains(p))
            .WithErrorCode("unknown_permission").WithMessage((_, permission) => $"权限“{permission}”不存在，可授予的权限：{string.Join("、", PlatformPermissions.All)}。");
    }
}

/// <summary>Disables an account: it cannot sign in, and its sessions and tokens stop working at once.</summary>
/// <param name="Id">Account id.</param>
public sealed record DisableAccount(Guid Id) : IRequest<AccountView>;

/// <summary>Enables a disabled account again.</summary>
/// <param name="Id">Account id.</param>
public sealed record EnableAccount(Guid Id) : IRequest<AccountView>;

/// <summary>Gives an account a new one-time password (returned once; must be changed at the next sign-in) and lifts a lockout.</summary>
/// <param name="Id">Account id.</param>
public sealed record ResetAccountPassword(Guid Id) : IRequest<AccountWithPassword>;

/// <summary>Removes an account's authenticator: it enrolls a new one at its next sign-in (where two factors are required).</summary>
/// <param name="Id">Account id.</param>
public sealed record ResetAccountTwoFactor(Guid Id) : IRequest<AccountView>;

/// <summary>
/// Handles the changes of an existing account. Each one ends the account's sessions (new security stamp) and
/// revokes its tokens, and is audited (entity <c>PlatformUser</c>, key = account id, no personal data in the
/// details). A security administrator cannot change their own account here (403).
/// </summary>
public sealed class AccountChangeHandlers(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    IOpenIddictTokenManager tokens,
    ICurrentAccess access,
    IAuditTrail audit,
    IOptions<PasswordPolicyOptions> passwords,
    TimeProvider clock)
    : IRequestHandler<ChangeAccountRoles, AccountView>,
      IRequestHandler<DisableAccount, AccountView>,
      IRequestHandler<EnableAccount, AccountView>,
      IRequestHandler<ResetAccountPassword, AccountWithPassword>,
      IRequestHandler<ResetAccountTwoFactor, AccountView>,
      IRequestHandler<ChangeAccountPermissions, AccountView>
{
    /// <inheritdoc />
    public async Task<AccountView> Handle(ChangeAccountRoles request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await FindAsync(request.Id).ConfigureAwait(false);
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == user.OrganizationId, cancellationToken).ConfigureAwait(false);
        var roles = request.Roles.Distinct(StringComparer.Ordinal).ToArray();
        AccountRules.EnsureRolesFit(roles, organization.Type);

        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        var removed = current.Except(roles, StringComparer.Ordinal).ToArray();
        var added = roles.Except(current, StringComparer.Ordinal).ToArray();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (removed.Length > 0)
            {
                AccountRules.Check(await users.RemoveFromRolesAsync(user, removed).ConfigureAwait(false));
            }

            if (added.Length > 0)
            {
                AccountRules.Check(await users.AddToRolesAsync(user, added).ConfigureAwait(false));
            }

            AccountRules.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await EndTokensAndAuditAsync(user, AuditActions.RolesChanged, $"from={string.Join(",", current.Order(StringComparer.Ordinal))}; to={string.Join(",", roles.Order(StringComparer.Ordinal))}", cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AccountView> Handle(DisableAccount request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await FindAsync(request.Id).ConfigureAwait(false);
        user.IsDisabled = true;
        AccountRules.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
        await EndTokensAndAuditAsync(user, AuditActions.AccountDisabled, null, cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AccountView> Handle(EnableAccount request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await FindAsync(request.Id).ConfigureAwait(false);
        user.IsDisabled = false;
        AccountRules.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
        await EndTokensAndAuditAsync(user, AuditActions.AccountEnabled, null, cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AccountWithPassword> Handle(ResetAccountPassword request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await FindAsync(request.Id).ConfigureAwait(false);
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

        await EndTokensAndAuditAsync(user, AuditActions.PasswordChanged, "reset by a security administrator; one-time password", cancellationToken).ConfigureAwait(false);
        return new AccountWithPassword(await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false), password);
    }

    /// <inheritdoc />
    public async Task<AccountView> Handle(ResetAccountTwoFactor request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await FindAsync(request.Id).ConfigureAwait(false);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            // Both change the security stamp.
            AccountRules.Check(await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false));
            AccountRules.Check(await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await EndTokensAndAuditAsync(user, AuditActions.TwoFactorChanged, "authenticator reset by a security administrator", cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AccountView> Handle(ChangeAccountPermissions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await FindAsync(request.Id).ConfigureAwait(false);
        var wanted = request.Permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var roles = await users.GetRolesAsync(user).ConfigureAwait(false);
        if (wanted.Length > 0 && roles.Any(r => PlatformRoles.SeparatedAdministrators.Contains(r)))
        {
            throw new PlatformException(
                AccountProblemCodes.PermissionsSeparation,
                StatusCodes.Status400BadRequest,
                "权限分配违反三员分立要求",
                "系统管理员、安全管理员和审计管理员不接触业务数据，不能授予查看原始个人信息等业务权限。",
                [new FieldError("permissions", AccountProblemCodes.PermissionsSeparation, "三员账号不能授予业务权限。")]);
        }

        var held = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == PlatformClaims.Permission).ToArray();
        var current = held.Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var removed = held.Where(c => !wanted.Contains(c.Value, StringComparer.Ordinal)).ToArray();
        var added = wanted.Except(current, StringComparer.Ordinal).Select(p => new System.Security.Claims.Claim(PlatformClaims.Permission, p)).ToArray();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (removed.Length > 0)
            {
                AccountRules.Check(await users.RemoveClaimsAsync(user, removed).ConfigureAwait(false));
            }

            if (added.Length > 0)
            {
                AccountRules.Check(await users.AddClaimsAsync(user, added).ConfigureAwait(false));
            }

            // Sessions and tokens carry the permissions: they end, and the next sign-in has the new ones.
            AccountRules.Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await EndTokensAndAuditAsync(user, AuditActions.PermissionsChanged, $"from={string.Join(",", current)}; to={string.Join(",", wanted)}", cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }

    // The account, as the caller's scope shows it (security administrators see every account); never the caller's own.
    private async Task<PlatformUser> FindAsync(Guid id)
    {
        AccountRules.EnsureNotSelf(access, id);
        return await users.FindByIdAsync(id.ToString()).ConfigureAwait(false) ?? throw new NotFoundException("账号", id);
    }

    // Sessions end with the new security stamp; refresh and access tokens are revoked here; then the audit record.
    private async Task EndTokensAndAuditAsync(PlatformUser user, string action, string? details, CancellationToken cancellationToken)
    {
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEvent(action, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), details), cancellationToken).ConfigureAwait(false);
    }
}
