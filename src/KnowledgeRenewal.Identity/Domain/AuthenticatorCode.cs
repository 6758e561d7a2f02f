using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>Time-based one-time passwords (RFC 6238) as authenticator apps and ASP.NET Core Identity compute them.</summary>
public static class AuthenticatorCode
{
    /// <summary>Length of a time step.</summary>
    public const int StepSeconds = 30;

    /// <summary>The 6-digit code of a base32 key at <paramref name="time"/>.</summary>
    public static string Compute(string base32Key, DateTimeOffset time) => ComputeForStep(base32Key, StepOf(time));

    /// <summary>The time step (30-second window) of <paramref name="time"/>.</summary>
    public static long StepOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The 6-digit code of a base32 key for a time step.</summary>
    public static string ComputeForStep(string base32Key, long step)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
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
