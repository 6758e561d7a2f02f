using System.Globalization;

namespace KnowledgeRenewal.Sdk;

/// <summary>An exact fraction, e.g. two thirds of the required total.</summary>
public sealed record Share
{
    /// <summary>The numerator.</summary>
    public int Numerator { get; init; }

    /// <summary>The denominator.</summary>
    public int Denominator { get; init; } = 1;

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public static Share Of(int numerator, int denominator) => new() { Numerator = numerator, Denominator = denominator };

    /// <summary>Whether the fraction lies in (0, 1].</summary>
    public bool IsProperPart => Denominator > 0 && Numerator > 0 && Numerator <= Denominator;

    /// <summary>This share of <paramref name="amount"/>, rounded up to a hundredth.</summary>
    public CreditHours Of(CreditHours amount) =>
        CreditHours.FromHundredths((long)Math.Ceiling((decimal)amount.Hundredths * Numerator / Denominator));

    /// <summary>The share of <paramref name="amount"/> in the rule set's own unit, exact where possible.</summary>
    public decimal Of(decimal amount) => amount * Numerator / Denominator;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
