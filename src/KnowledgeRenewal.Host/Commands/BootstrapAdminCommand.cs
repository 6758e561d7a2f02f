using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;

namespace KnowledgeRenewal.Host.Commands;

/// <summary>What <c>bootstrap-admin</c> was asked to do.</summary>
/// <param name="Role">system-admin, security-admin or audit-admin.</param>
/// <param name="UserName">The new account's user name.</param>
/// <param name="DisplayName">Its shown name (default: the role's Chinese name).</param>
public sealed record BootstrapAdminOptions(string Role, string UserName, string? DisplayName);

/// <summary>
/// <c>dotnet run --project src/KnowledgeRenewal.Host -- bootstrap-admin --role system-admin|security-admin|audit-admin
/// --username NAME [--display-name 名字]</c>: creates the FIRST account of one of the three separated administrator
/// roles, in the program office, with a one-time password printed once. Outside demo mode this is how a deployment
/// gets its administrators — there are no default credentials. It refuses (exit 1) when an enabled account already
/// holds the role: further administrators are created by a security administrator through
/// <c>/api/admin/accounts</c>. At the first sign-in the person sets a new password and enrolls an authenticator
/// (two factors are required for these roles). It does not migrate a server database (run <c>migrate</c> first);
/// SQLite migrates itself as at every start. The use case is Identity's (<see cref="IAdministratorBootstrap"/>): the
/// command reads its arguments, prepares the database and prints the outcome.
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
        var result = await scope.ServiceProvider.GetRequiredService<IAdministratorBootstrap>()
            .CreateFirstAsync(options.Role, options.UserName, options.DisplayName, cancellationToken).ConfigureAwait(false);
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
