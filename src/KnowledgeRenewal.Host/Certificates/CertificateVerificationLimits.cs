using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Host.Certificates;

/// <summary>
/// The rate limit of public verification: <see cref="CertificateOptions.VerificationsPerMinute"/> per client address
/// (fixed one-minute window, no queue; beyond it 429 with <c>Retry-After</c>). Only requests that carry a code count:
/// showing the empty verification form costs nothing.
/// </summary>
public static class CertificateVerificationLimits
{
    /// <summary>The rate-limiter policy name.</summary>
    public const string Policy = "certificate-verification";

    /// <summary>Adds the policy to the platform's rate limiter.</summary>
    public static void AddPolicy(RateLimiterOptions options, int perMinute)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Policy, context => HasCode(context)
            ? RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context) ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("form"));
    }

    /// <summary>The client's address (IPv4 for IPv4-mapped addresses).</summary>
    public static string? ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString();
    }

    private static bool HasCode(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("code", out var code) && code is string { Length: > 0 }
        || !string.IsNullOrEmpty(context.Request.Query["code"]);
}
