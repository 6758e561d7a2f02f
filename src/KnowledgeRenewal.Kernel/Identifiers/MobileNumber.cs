using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Identifiers;

/// <summary>A mainland China mobile number: 11 digits starting with 1[3-9]; +86/0086 prefixes, spaces and hyphens are removed.</summary>
public static class MobileNumber
{
    /// <summary>Normalizes and validates; null when not a mobile number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string(text.Where(c => c is not (' ' or '-')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit)
            ? digits
            : null;
    }

    /// <summary>Masked for display: <c>138****5678</c>.</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length == 11 ? number[..3] + "****" + number[7..] : new string('*', number.Length);
    }
}
