using System.Security.Cryptography;
using System.Text;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// Verification codes of certificates: 20 symbols drawn from a cryptographically secure generator over an
/// unambiguous 32-symbol alphabet (digits 2–9 and the Latin capitals without I and O), i.e. 100 bits — too many to
/// guess or enumerate. Printed in groups of four (<c>7KQ2-M9XD-…</c>); typed in any case, with or without the
/// hyphens and spaces.
/// </summary>
public static class VerificationCodes
{
    /// <summary>The alphabet: no 0/O, 1/I that readers confuse.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Symbols in a code.</summary>
    public const int Length = 20;

    /// <summary>Bits of entropy in a code (5 per symbol).</summary>
    public const int Bits = Length * 5;

    /// <summary>Characters of a code kept in the verification log (enough to trace probing, far too few to reuse).</summary>
    public const int PrefixLength = 4;

    /// <summary>A fresh code from the operating system's CSPRNG.</summary>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        var code = new StringBuilder(Length);
        foreach (var b in bytes)
        {
            // 256 is a multiple of 32: taking the low five bits keeps every symbol equally likely.
            code.Append(Alphabet[b & 31]);
        }

        return code.ToString();
    }

    /// <summary>The code as printed: groups of four joined by hyphens.</summary>
    public static string Format(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Join('-', code.Chunk(4).Select(group => new string(group)));
    }

    /// <summary>
    /// The stored form of what someone typed (upper case, without hyphens and spaces), or null when it cannot be a
    /// code at all (wrong length or a symbol outside the alphabet) — such input is answered like an unknown code.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return null;
        }

        var code = new StringBuilder(Length);
        foreach (var c in input)
        {
            if (c is '-' or ' ' or '\u3000')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            code.Append(upper);
        }

        return code.Length == Length ? code.ToString() : null;
    }

    /// <summary>
    /// What the verification log keeps of what someone typed: its first <see cref="PrefixLength"/> symbols
    /// (upper case; anything outside the alphabet shown as <c>?</c>).
    /// </summary>
    public static string LogPrefix(string? input)
    {
        var prefix = new StringBuilder(PrefixLength);
        foreach (var c in input ?? "")
        {
            if (prefix.Length == PrefixLength)
            {
                break;
            }

            if (c is '-' or ' ' or '\u3000')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            prefix.Append(Alphabet.Contains(upper, StringComparison.Ordinal) ? upper : '?');
        }

        return prefix.Length == 0 ? "-" : prefix.ToString();
    }
}
