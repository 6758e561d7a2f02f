using System.Security.Cryptography;
using KnowledgeRenewal.Identity.Domain;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>
/// One-time passwords for new accounts, resets and the bootstrap command: 16 characters from a cryptographic
/// random source, with upper- and lower-case letters, digits and symbols (no look-alikes such as 0/O or 1/l/I), so
/// that they always pass the MLPS policy. Shown once; the account must replace it at the first sign-in.
/// </summary>
internal static class OneTimePasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@^_";

    /// <summary>Length of a one-time password.</summary>
    public const int Length = 16;

    /// <summary>A new one-time password that passes <paramref name="policy"/> for this account.</summary>
    public static string Generate(PasswordPolicyOptions policy, string? userName = null, string? phone = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        while (true)
        {
            var password = Draw();
            if (MlpsPasswordValidator.Check(password, userName, phone, policy).Count == 0)
            {
                return password;
            }
        }
    }

    private static string Draw()
    {
        const string all = Upper + Lower + Digits + Symbols;
        var chars = new char[Length];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        chars[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        for (var i = 4; i < Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
