using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Host.Commands;

/// <summary>What <c>bootstrap-admin</c> was asked to do.</summary>
/// <param name="Role">system-admin, security-admin or audit-admin.</param>
/// <param name="UserName">The new account's user name.</param>
/// <param name="DisplayName">Its shown name (default: the role's Chinese name).</param>
public sealed record BootstrapAdminOptions(string Role, string UserName, string? DisplayName);

/// <summary>How <c>bootstrap-admin</c> ended.</summary>
/// <param name="Created">Whether the account was created.</param>
/// <param name="Message">What to tell the operator (English).</param>
/// <param name="OneTimePassword">The one-time password, when created.</param>
public sealed record BootstrapAdminResult(bool Created, string Message, string? OneTimePassword = null);

/// <summary>
/// <c>dotnet run --project src/KnowledgeRenewal.Host -- bootstrap-admin --role system-admin|security-admin|audit-admin
/// --username NAME [--display-name 名字]</c>: creates the FIRST account of one of the three separated administrator
/// roles, in the program office, with a one-time password printed once. Outside demo mode this is how a deployment
/// gets its administrators — there are no default credentials. It refuses (exit 1) when an enabled account already
/// holds the role: further administrators are created by a security administrator through
/// <c>/api/admin/accounts</c>. At the first sign-in the person sets a new password and enrolls an authenticator
/// (two factors are required for these roles). It does not migrate a server database (run <c>migrate</c> first);
/// SQLite migrates itself as at every start.
/// </summary>
public static class BootstrapAdminCommand
{
    /// <summary>The command's name (first argument).</summary>
    public const string Name = "bootstrap-admin";

    private static readonly CommandOptions Options = new("--role", "--username", "--display-name");

    /// <summary>How to use it.</summary>
    public const string Usage =
        "Usage: dotnet run --project src/KnowledgeRenewal.Host -- bootstrap-admin --role system-admin|security-admin|audit-admin --username NAME [--display-name NAME]";

    /// <summary>The arguments after the command name that are not its own (configuration overrides for the host).</summary>
    public static string[] HostArguments(IReadOnlyList<string> args) => Options.HostArguments(args);

    /// <summary>Reads the command's own options (<c>--name value</c> or <c>--name=value</c>); null and an error when they are incomplete.</summary>
    public static BootstrapAdminOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Options.Read(args, out error) is not { } values)
        {
            return null;
        }

        if (!values.TryGetValue("--role", out var role) || !values.TryGetValue("--username", out var userName))
        {
            error = "--role and --username are required.";
            return null;
        }

        error = null;
        return new BootstrapAdminOptions(role, userName, values.GetValueOrDefault("--display-name"));
    }

    /// <summary>Runs the command on a built host: prepares the database as a start does (without demo data), then creates the account.</summary>
    /// <returns>0 when the account was created; 1 when refused; 2 on a usage error.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var options = Parse(args, out var error);
        if (options is null)
        {
            await errors.WriteLineAsync(error).ConfigureAwait(false);
            await errors.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        // Reference data (roles, the program office) as at every start; a server database must be migrated already.
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoMode: false, demoSeed: 0, cancellationToken).ConfigureAwait(false);

        // An operator command acts as the platform itself.
        using var system = SystemScope.Enter();
        await using var scope = services.CreateAsyncScope();
        var result = await ActivatorUtilities.CreateInstance<BootstrapAdmin>(scope.ServiceProvider).CreateAsync(options, cancellationToken).ConfigureAwait(false);
        if (!result.Created)
        {
            await errors.WriteLineAsync(result.Message).ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync(result.Message).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"    One-time password: {result.OneTimePassword}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("It is shown only this once. At the first sign-in (/account/login) the account must set a new password").ConfigureAwait(false);
        await output.WriteLineAsync("and enroll an authenticator app (TOTP): two factors are required for the administrator roles.").ConfigureAwait(false);
        return 0;
    }
}

/// <summary>
/// The rules of <c>bootstrap-admin</c>: only the three separated administrator roles; only when no enabled account
/// holds the role yet ("one-time"); a free, well-formed user name; the account goes into the program office with a
/// one-time password that must be changed. Audited as <see cref="AuditActions.AccountCreated"/> (actor: the platform).
/// </summary>
public sealed class BootstrapAdmin(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    IAuditTrail audit,
    IOptions<PasswordPolicyOptions> passwords,
    TimeProvider clock)
{
    /// <summary>Creates the account, or says why not.</summary>
    public async Task<BootstrapAdminResult> CreateAsync(BootstrapAdminOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!PlatformRoles.SeparatedAdministrators.Contains(options.Role))
        {
            return Refused($"--role must be one of {string.Join(", ", PlatformRoles.SeparatedAdministrators)} (other accounts are created by a security administrator).");
        }

        if (!AccountRules.UserNamePattern().IsMatch(options.UserName))
        {
            return Refused("--username must be 3-64 characters: a letter first, then letters, digits, '.', '-' or '_'.");
        }

        var holders = await users.GetUsersInRoleAsync(options.Role).ConfigureAwait(false);
        if (holders.Any(u => !u.IsDisabled))
        {
            return Refused($"Refused: an enabled {options.Role} account already exists. bootstrap-admin only creates the first account of each administrator role; "
                + "further accounts are created by a security administrator (/api/admin/accounts).");
        }

        if (await users.FindByNameAsync(options.UserName).ConfigureAwait(false) is not null)
        {
            return Refused($"Refused: the user name '{options.UserName}' is taken.");
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
            UserName = options.UserName,
            DisplayName = string.IsNullOrWhiteSpace(options.DisplayName) ? RoleCatalog.Find(options.Role)!.DisplayName : options.DisplayName.Trim(),
            OrganizationId = office.Id,
            MustChangePassword = true,
            PasswordChangedAt = now,
            CreatedAt = now,
        };
        var password = OneTimePasswords.Generate(passwords.Value, options.UserName);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var created = await users.CreateAsync(user, password).ConfigureAwait(false);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, options.Role).ConfigureAwait(false);
            }

            if (!created.Succeeded)
            {
                return Refused("Refused: " + string.Join(" ", created.Errors.Select(e => $"{e.Code}: {e.Description}")));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await audit.RecordAsync(
            new AuditEvent(AuditActions.AccountCreated, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), $"bootstrap-admin; organization={office.Id}; roles={options.Role}"),
            cancellationToken).ConfigureAwait(false);
        return new BootstrapAdminResult(true, $"Created the {options.Role} account '{options.UserName}' in the program office ({office.Name}).", password);
    }

    private static BootstrapAdminResult Refused(string message) => new(false, message);
}
