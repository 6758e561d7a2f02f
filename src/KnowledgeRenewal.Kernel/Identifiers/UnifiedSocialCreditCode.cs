using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Identifiers;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31 symbols
/// <c>0-9 A-H J-N P-R T U W-Y</c> (valued 0..30 in that order; I, O, Z, S and V are never used). Position 1 is
/// the registration authority, 2 the organization category, 3–8 the administrative division (GB/T 2260), 9–17 the
/// organization code (GB 11714) and 18 the check character: 31 − (Σ value × weight mod 31), where 31 means 0, with
/// weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 (3ⁱ mod 31). Every single-character substitution and
/// every swap of two different adjacent characters changes the check, so typing errors are caught.
/// A lowercase code is accepted and normalized to upper case.
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    /// <summary>The 31 symbols, in value order.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Length of a code.</summary>
    public const int Length = 18;

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714 organization code: weights of its 8 body characters; check = 11 − (Σ mod 11), 10 → X, 11 → 0.
    private static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The normalized code (upper case).</summary>
    public string Value { get; }

    /// <summary>Registration authority (position 1): 1 机构编制, 5 民政, 9 工商 (market regulation), …</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>Organization category within the authority (position 2), e.g. 1 机关 / 企业, 2 事业单位 / 个体工商户.</summary>
    public char Category => Value[1];

    /// <summary>Administrative division code of the registering authority (positions 3–8).</summary>
    public string DivisionCode => Value[2..8];

    /// <summary>The embedded organization code (positions 9–17).</summary>
    public string OrganizationCode => Value[8..17];

    /// <summary>Parses and validates; <paramref name="error"/> is a stable code when invalid (see <see cref="Message"/>).</summary>
    public static bool TryParse(string? text, out UnifiedSocialCreditCode code, out string? error)
    {
        code = default;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != Length)
        {
            error = "credit_code.length";
            return false;
        }

        if (value.Any(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            error = "credit_code.characters";
            return false;
        }

        if (CheckCharacterOf(value) != value[17])
        {
            error = "credit_code.checksum";
            return false;
        }

        code = new UnifiedSocialCreditCode(value);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a valid code.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    /// <summary>The Chinese message for an error code of <see cref="TryParse"/>.</summary>
    public static string Message(string error) => error switch
    {
        "credit_code.length" => "统一社会信用代码应为 18 位。",
        "credit_code.characters" => "统一社会信用代码只能由数字和除 I、O、Z、S、V 以外的大写英文字母组成。",
        "credit_code.checksum" => "统一社会信用代码校验位不正确，请核对后重新输入。",
        _ => "统一社会信用代码无效。",
    };

    /// <summary>The check character of the first 17 characters (which must be from <see cref="Alphabet"/>).</summary>
    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        if (first17.Length < 17)
        {
            throw new ArgumentException("The first 17 characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a unified social credit code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// Generates a valid code (demo data, tests): the given authority, category and six-digit division code, a random
    /// organization code with its own GB 11714 check character, and the GB 32100 check character.
    /// </summary>
    /// <param name="registrationAuthority">Position 1, e.g. '1' (机构编制) or '9' (工商).</param>
    /// <param name="category">Position 2, e.g. '1' (企业) or '2' (事业单位).</param>
    /// <param name="divisionCode">Six digits (GB/T 2260), e.g. 370811.</param>
    /// <param name="next">A random source: returns an integer in [0, max).</param>
    public static UnifiedSocialCreditCode Generate(char registrationAuthority, char category, string divisionCode, Func<int, int> next)
    {
        ArgumentNullException.ThrowIfNull(divisionCode);
        ArgumentNullException.ThrowIfNull(next);
        if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The division code must be six digits.", nameof(divisionCode));
        }

        if (Alphabet.IndexOf(registrationAuthority, StringComparison.Ordinal) < 0 || Alphabet.IndexOf(category, StringComparison.Ordinal) < 0)
        {
            throw new ArgumentException("Authority and category must be code characters.");
        }

        // The organization code's body: digits and the letters both standards share (its check is 0-9 or X).
        Span<char> chars = stackalloc char[Length];
        chars[0] = registrationAuthority;
        chars[1] = category;
        divisionCode.AsSpan().CopyTo(chars[2..]);
        var body = 0;
        for (var i = 0; i < 8; i++)
        {
            // Mostly digits, as most organization codes are.
            var symbol = next(10) < 8 ? (char)('0' + next(10)) : Alphabet[10 + next(Alphabet.Length - 10)];
            chars[8 + i] = symbol;
            body += OrganizationCodeValue(symbol) * OrganizationCodeWeights[i];
        }

        var organizationCheck = 11 - (body % 11);
        chars[16] = organizationCheck switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + organizationCheck),
        };
        chars[17] = CheckCharacterOf(chars);
        return new UnifiedSocialCreditCode(new string(chars));
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    // GB 11714 values: digits 0–9, letters A=10 … Z=35.
    private static int OrganizationCodeValue(char symbol) => char.IsAsciiDigit(symbol) ? symbol - '0' : symbol - 'A' + 10;
}
