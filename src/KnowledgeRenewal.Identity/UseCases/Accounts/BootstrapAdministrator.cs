using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>
/// <see cref="IAdministratorBootstrap"/>: only the three separated administrator roles
/// (<see cref="AccountRules.IsBootstrapRole"/>); only when no enabled account holds the role yet ("one-time"); a
/// free, well-formed user name; the account goes into the program office with a one-time password that must be
/// changed. Audited as <see cref="AuditActions.AccountCreated"/> (actor: the platform).
/// </summary>
internal sealed class BootstrapAdministrator(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    IAuditTrail audit,
    IOptions<PasswordPolicyOptions> passwords,
    TimeProvider clock) : IAdministratorBootstrap
{
    /// <inheritdoc />
    public async Task<AdministratorBootstrapResult> CreateFirstAsync(string role, string userName, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(userName);
        if (!AccountRules.IsBootstrapRole(role))
        {
            return Refused($"--role must be one of {string.Join(", ", PlatformRoles.SeparatedAdministrators)} (other accounts are created by a security administrator).");
        }

        if (!AccountRules.UserNamePattern().IsMatch(userName))
        {
            return Refused("--username must be 3-64 characters: a letter first, then letters, digits, '.', '-' or '_'.");
        }

        var holders = await users.GetUsersInRoleAsync(role).ConfigureAwait(false);
        if (holders.Any(u => !u.IsDisabled))
        {
            return Refused($"Refused: an enabled {role} account already exists. bootstrap-admin only creates the first account of each administrator role; "
                + "further accounts are created by a security administrator (/api/admin/accounts).");
        }

        if (await users.FindByNameAsync(userName).ConfigureAwait(false) is not null)
        {
            return Refused($"Refused: the user name '{userName}' is taken.");
        }

        var office = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(o => o.Code == ProgramOrganizations.ProgramOfficeCode, cancellationToken).ConfigureAwait(false);
        if (office is null)
        {
            return Refused("Refused: the program office organization (PO) is missing; start the platform once (or run `migrate`) so that reference data is seeded.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new PlatformUser
        {
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? RoleCatalog.Find(role)!.DisplayName : displayName.Trim(),
            OrganizationId = office.Id,
            MustChangePassword = true,
            PasswordChangedAt = now,
            CreatedAt = now,
        };
        var password = OneTimePasswords.Generate(passwords.Value, userName);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var created = await users.CreateAsync(user, password).ConfigureAwait(false);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, role).ConfigureAwait(false);
            }

            if (!created.Succeeded)
            {
                return Refused("Refused: " + string.Join(" ", created.Errors.Select(e => $"{e.Code}: {e.Description}")));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await audit.RecordAsync(
            new AuditEvent(AuditActions.AccountCreated, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), $"bootstrap-admin; organization={office.Id}; roles={role}"),
            cancellationToken).ConfigureAwait(false);
        return new AdministratorBootstrapResult(true, $"Created the {role} account '{userName}' in the program office ({office.Name}).", password);
    }

    private static AdministratorBootstrapResult Refused(string message) => new(false, message);
}
