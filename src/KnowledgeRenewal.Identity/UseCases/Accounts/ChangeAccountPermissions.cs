using System.Security.Claims;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>
/// Replaces an account's individual permissions (see <see cref="PlatformPermissions"/>), e.g. unmasking personal data.
/// Only known permissions; never to a system, security or audit administrator (three-role separation: they hold no
/// business data); never one's own account.
/// </summary>
/// <param name="Id">Account id.</param>
/// <param name="Permissions">The permissions it holds from now on (empty: none).</param>
internal sealed record ChangeAccountPermissions(Guid Id, IReadOnlyList<string> Permissions) : IRequest<AccountView>;

/// <summary>The body of a permission change: only the permissions are read.</summary>
/// <param name="Permissions">The permissions the account holds from now on.</param>
internal sealed record PermissionsBody(IReadOnlyList<string>? Permissions);

/// <summary>Checks a permission change.</summary>
internal sealed class ChangeAccountPermissionsValidator : AbstractValidator<ChangeAccountPermissions>
{
    /// <summary>Creates the validator.</summary>
    public ChangeAccountPermissionsValidator()
    {
        RuleFor(a => a.Permissions).NotNull().WithErrorCode("required").WithMessage("请填写权限列表（permissions），撤销全部权限请提交空数组。");
        RuleForEach(a => a.Permissions).Must(p => p is not null && PlatformPermissions.All.Contains(p))
            .WithErrorCode("unknown_permission").WithMessage((_, permission) => $"权限“{permission}”不存在，可授予的权限：{string.Join("、", PlatformPermissions.All)}。");
    }
}

/// <summary>
/// Handles <see cref="ChangeAccountPermissions"/>: the account's roles must allow business permissions
/// (<see cref="AccountRules.EnsurePermissionsFit"/>); sessions and tokens end, since they carry the permissions;
/// audited as <see cref="AuditActions.PermissionsChanged"/> with the permissions before and after.
/// </summary>
internal sealed class ChangeAccountPermissionsHandler(PlatformDbContext db, UserManager<PlatformUser> users, AccountChanges changes, TimeProvider clock)
    : IRequestHandler<ChangeAccountPermissions, AccountView>
{
    /// <inheritdoc />
    public async Task<AccountView> Handle(ChangeAccountPermissions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await changes.FindAsync(request.Id).ConfigureAwait(false);
        var wanted = request.Permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        AccountRules.EnsurePermissionsFit(await users.GetRolesAsync(user).ConfigureAwait(false), wanted);

        var held = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == PlatformClaims.Permission).ToArray();
        var current = held.Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var removed = held.Where(c => !wanted.Contains(c.Value, StringComparer.Ordinal)).ToArray();
        var added = wanted.Except(current, StringComparer.Ordinal).Select(p => new Claim(PlatformClaims.Permission, p)).ToArray();
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

        await changes.EndTokensAndAuditAsync(user, AuditActions.PermissionsChanged, $"from={string.Join(",", current)}; to={string.Join(",", wanted)}", cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }
}
