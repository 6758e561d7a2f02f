using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// The signature of a pushed event (ADR 0035): <c>X-KR-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c>
/// with the subscription's secret, <c>X-KR-Timestamp</c> in Unix seconds. A receiver recomputes it over the raw body,
/// compares in constant time and refuses a timestamp outside its replay window (5 minutes), then deduplicates by
/// <c>X-KR-Event-Id</c>.
/// </summary>
public static class EventSignature
{
    /// <summary>The event id header.</summary>
    public const string EventIdHeader = "X-KR-Event-Id";

    /// <summary>The event type header.</summary>
    public const string EventTypeHeader = "X-KR-Event-Type";

    /// <summary>The timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "X-KR-Timestamp";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-KR-Signature";

    /// <summary>The replay window a receiver should allow.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    /// <summary>The <c>X-KR-Signature</c> value of <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// A receiver's check: the signature matches (constant-time) and the timestamp is within
    /// <see cref="ReplayWindow"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? timestamp, string body, string? signature, DateTimeOffset now)
    {
        if (signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > ReplayWindow.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
