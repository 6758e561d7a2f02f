using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel;

namespace KnowledgeRenewal.Identity.Demo;

/// <summary>A demo account as the demo landing page and the start-up log show it.</summary>
/// <param name="RoleDisplayName">The role's Chinese name.</param>
/// <param name="Role">The role.</param>
/// <param name="UserName">User name.</param>
/// <param name="Password">The shared demo password.</param>
/// <param name="AuthenticatorKey">Base32 authenticator key, for accounts that use two factors.</param>
/// <param name="CurrentCode">The TOTP code valid now, for accounts that use two factors.</param>
/// <param name="SecondsLeft">Seconds until <paramref name="CurrentCode"/> is replaced.</param>
internal sealed record DemoAccountCredentials(string RoleDisplayName, string Role, string UserName, string Password, string? AuthenticatorKey, string? CurrentCode, int SecondsLeft);

/// <summary>
/// The demo accounts' credentials (demo mode only): one per role, the shared password, and for two-factor accounts
/// the fixed authenticator key and the current code — computed as ASP.NET Core Identity's authenticator provider
/// checks it (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).
/// </summary>
internal sealed class DemoAccountsCatalog(PlatformOptions platform, TimeProvider clock)
{
    /// <summary>Whether the platform runs in demo mode (otherwise there is nothing to show).</summary>
    public bool IsEnabled => platform.DemoMode;

    /// <summary>The credentials now; empty outside demo mode.</summary>
    public IReadOnlyList<DemoAccountCredentials> Accounts()
    {
        if (!IsEnabled)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var secondsLeft = AuthenticatorCode.StepSeconds - (int)(now.ToUnixTimeSeconds() % AuthenticatorCode.StepSeconds);
        return
        [
            .. DemoAccounts.All.Select(a => new DemoAccountCredentials(
                a.RoleDisplayName,
                a.Role,
                a.UserName,
                DemoAccounts.Password,
                a.AuthenticatorKey,
                a.AuthenticatorKey is { } key ? AuthenticatorCode.Compute(key, now) : null,
                secondsLeft)),
        ];
    }
}

/// <summary>Logs the demo credentials once at start-up, clearly marked, in demo mode only.</summary>
internal sealed partial class DemoCredentialsLogger(DemoAccountsCatalog catalog, ILogger<DemoCredentialsLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!catalog.IsEnabled)
        {
            return Task.CompletedTask;
        }

        DemoBanner(logger, DemoAccounts.Password);
        foreach (var account in catalog.Accounts())
        {
            if (account.AuthenticatorKey is { } key)
            {
                DemoTwoFactorAccount(logger, account.RoleDisplayName, account.UserName, key);
            }
            else
            {
                DemoAccount(logger, account.RoleDisplayName, account.UserName);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "DEMO MODE — demo accounts, one per role, all with the password {Password} (never use demo mode with real data; the landing page shows the current two-factor codes):")]
    private static partial void DemoBanner(ILogger logger, string password);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "DEMO account {Role}: {UserName}")]
    private static partial void DemoAccount(ILogger logger, string role, string userName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "DEMO account {Role}: {UserName} (two factors; authenticator key {AuthenticatorKey})")]
    private static partial void DemoTwoFactorAccount(ILogger logger, string role, string userName, string authenticatorKey);
}

/// <summary>Registers the demo credentials for the landing page and the start-up log.</summary>
internal static class DemoAccountsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DemoAccountsCatalog"/> (used by <c>Pages/Shared/_DemoAccounts.cshtml</c>) and the start-up log of the demo credentials.</summary>
    public static IServiceCollection AddDemoAccounts(this IServiceCollection services)
    {
        services.AddSingleton<DemoAccountsCatalog>();
        services.AddHostedService<DemoCredentialsLogger>();
        return services;
    }
}
