using System.Globalization;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Identifiers;

/// <summary>
/// A resident ID number (居民身份证号码, GB 11643): 17 digits and a check character (0–9 or X) computed with
/// ISO 7064 MOD 11-2; digits 7–14 are a real birth date not in the future. A lowercase x is accepted as X.
/// </summary>
public readonly record struct ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value) => Value = value;

    /// <summary>The normalized number (upper-case X).</summary>
    public string Value { get; }

    /// <summary>The birth date encoded in the number.</summary>
    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Gender from the 17th digit (odd = male).</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>The administrative division code (first six digits).</summary>
    public string DivisionCode => Value[..6];

    /// <summary>Masked for display: <c>3708**********123X</c>.</summary>
    public string Masked => Value[..4] + new string('*', 10) + Value[14..];

    /// <summary>Parses and validates; <paramref name="error"/> is a stable code when invalid.</summary>
    public static bool TryParse(string? text, DateOnly today, out ResidentIdNumber number, out string? error)
    {
        number = default;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18)
        {
            error = "id_number.length";
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = "id_number.digits";
                return false;
            }
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            error = "id_number.check_character";
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth > today || birth.Year < 1900)
        {
            error = "id_number.birth_date";
            return false;
        }

        if (CheckCharacterOf(value) != value[17])
        {
            error = "id_number.checksum";
            return false;
        }

        number = new ResidentIdNumber(value);
        error = null;
        return true;
    }

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <inheritdoc />
    public override string ToString() => Masked;
}
