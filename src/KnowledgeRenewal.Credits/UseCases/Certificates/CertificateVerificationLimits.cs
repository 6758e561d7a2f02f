using KnowledgeRenewal.Kernel.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// The rate limit of public verification: <see cref="CertificateOptions.VerificationsPerMinute"/> per client address
/// (fixed one-minute window, no queue; beyond it 429 with <c>Retry-After</c>). Every check counts — a code looked up
/// (API or page) or a signed title-evaluation record posted for its signature check — in one budget per address;
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
        options.AddPolicy(Policy, context => IsCheck(context)
            ? RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context) ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("form"));
    }

    private static bool IsCheck(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        || context.Request.RouteValues.TryGetValue("code", out var code) && code is string { Length: > 0 }
        || !string.IsNullOrEmpty(context.Request.Query["code"]);
}
