using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using KnowledgeRenewal.Data.Seeding.Demo;
using KnowledgeRenewal.Host.Composition;

namespace KnowledgeRenewal.Host.Accounts;

/// <summary>A demo account as the demo landing page and the start-up log show it.</summary>
/// <param name="RoleDisplayName">The role's Chinese name.</param>
/// <param name="Role">The role.</param>
/// <param name="UserName">User name.</param>
/// <param name="Password">The shared demo password.</param>
/// <param name="AuthenticatorKey">Base32 authenticator key, for accounts that use two factors.</param>
/// <param name="CurrentCode">The TOTP code valid now, for accounts that use two factors.</param>
/// <param name="SecondsLeft">Seconds until <paramref name="CurrentCode"/> is replaced.</param>
public sealed record DemoAccountCredentials(string RoleDisplayName, string Role, string UserName, string Password, string? AuthenticatorKey, string? CurrentCode, int SecondsLeft);

/// <summary>
/// The demo accounts' credentials (demo mode only): one per role, the shared password, and for two-factor accounts
/// the fixed authenticator key and the current code — computed as ASP.NET Core Identity's authenticator provider
/// checks it (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).
/// </summary>
public sealed class DemoAccountsCatalog(PlatformOptions platform, TimeProvider clock)
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

/// <summary>Time-based one-time passwords (RFC 6238) as authenticator apps and ASP.NET Core Identity compute them.</summary>
public static class AuthenticatorCode
{
    /// <summary>Length of a time step.</summary>
    public const int StepSeconds = 30;

    /// <summary>The 6-digit code of a base32 key at <paramref name="time"/>.</summary>
    public static string Compute(string base32Key, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, time.ToUnixTimeSeconds() / StepSeconds);
#pragma warning disable CA5350 // RFC 6238 authenticators (and Identity's authenticator provider) use HMAC-SHA1.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes RFC 4648 base32 (case-insensitive; padding and spaces ignored).</summary>
    public static byte[] FromBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is '=' or ' ' or '-')
            {
                continue;
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
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
public static class DemoAccountsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DemoAccountsCatalog"/> (used by <c>Pages/Shared/_DemoAccounts.cshtml</c>) and the start-up log of the demo credentials.</summary>
    public static IServiceCollection AddDemoAccounts(this IServiceCollection services)
    {
        services.AddSingleton<DemoAccountsCatalog>();
        services.AddHostedService<DemoCredentialsLogger>();
        return services;
    }
}
