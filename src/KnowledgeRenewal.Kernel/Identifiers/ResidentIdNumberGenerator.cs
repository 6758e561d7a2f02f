using System.Globalization;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Identifiers;

/// <summary>Makes valid resident ID numbers (GB 11643) for demo data and tests: division, birth date, a sequence whose parity is the gender, check character.</summary>
public static class ResidentIdNumberGenerator
{
    /// <summary>A valid number for the given division, birth date and gender; <paramref name="next"/> returns an integer in [0, max).</summary>
    public static ResidentIdNumber Generate(string divisionCode, DateOnly birthDate, Gender gender, Func<int, int> next)
    {
        ArgumentNullException.ThrowIfNull(divisionCode);
        ArgumentNullException.ThrowIfNull(next);
        if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The division code must be six digits.", nameof(divisionCode));
        }

        // Sequence 000–999: the last of its three digits is odd for men, even for women.
        var sequence = next(500) * 2 + (gender == Gender.Male ? 1 : 0);
        var first17 = divisionCode + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        var text = first17 + ResidentIdNumber.CheckCharacterOf(first17);
        return ResidentIdNumber.TryParse(text, DateOnly.MaxValue, out var number, out var error)
            ? number
            : throw new ArgumentException($"Cannot make an ID number for birth date {birthDate:yyyy-MM-dd}: {error}.", nameof(birthDate));
    }
}
