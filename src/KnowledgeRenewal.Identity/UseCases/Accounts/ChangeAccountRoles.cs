using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Replaces an account's roles (same checks as creation; nobody changes their own roles).</summary>
/// <param name="Id">Account id.</param>
/// <param name="Roles">The new roles.</param>
internal sealed record ChangeAccountRoles(Guid Id, IReadOnlyList<string> Roles) : IRequest<AccountView>;

/// <summary>The body of a role change: only the roles are read.</summary>
/// <param name="Roles">The new roles.</param>
internal sealed record RolesBody(IReadOnlyList<string>? Roles);

/// <summary>Checks a role change.</summary>
internal sealed class ChangeAccountRolesValidator : AbstractValidator<ChangeAccountRoles>
{
    /// <summary>Creates the validator.</summary>
    public ChangeAccountRolesValidator()
    {
        RuleFor(a => a.Roles).NotEmpty().WithErrorCode("required").WithMessage(RoleMessages.Required);
        RuleForEach(a => a.Roles).Must(RoleMessages.Exists).WithErrorCode("unknown_role").WithMessage((_, role) => RoleMessages.Unknown(role));
    }
}

/// <summary>
/// Handles <see cref="ChangeAccountRoles"/>: the roles must fit the account's organization and the three-role
/// separation (<see cref="AccountRules.EnsureRolesFit"/>); sessions and tokens end; audited as
/// <see cref="AuditActions.RolesChanged"/> with the roles before and after.
/// </summary>
internal sealed class ChangeAccountRolesHandler(PlatformDbContext db, UserManager<PlatformUser> users, AccountChanges changes, TimeProvider clock)
    : IRequestHandler<ChangeAccountRoles, AccountView>
{
    /// <inheritdoc />
    public async Task<AccountView> Handle(ChangeAccountRoles request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await changes.FindAsync(request.Id).ConfigureAwait(false);
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

        await changes.EndTokensAndAuditAsync(user, AuditActions.RolesChanged, $"from={string.Join(",", current.Order(StringComparer.Ordinal))}; to={string.Join(",", roles.Order(StringComparer.Ordinal))}", cancellationToken).ConfigureAwait(false);
        return await AccountViews.GetAsync(db, user.Id, clock, cancellationToken).ConfigureAwait(false);
    }
}
