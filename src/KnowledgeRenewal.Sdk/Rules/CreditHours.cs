using System.Globalization;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// An exact amount of credit hours (学时), kept as a whole number of hundredths of an hour so sums never drift
/// and every database stores it as an integer.
/// </summary>
public readonly record struct CreditHours : IComparable<CreditHours>
{
    /// <summary>Hundredths of an hour in one credit hour.</summary>
    public const int HundredthsPerHour = 100;

    private CreditHours(long hundredths) => Hundredths = hundredths;

    /// <summary>Zero hours.</summary>
    public static CreditHours Zero => default;

    /// <summary>The amount in hundredths of an hour.</summary>
    public long Hundredths { get; }

    /// <summary>The amount in hours.</summary>
    public decimal Hours => (decimal)Hundredths / HundredthsPerHour;

    /// <summary>Creates an amount from hours; throws when <paramref name="hours"/> is finer than 0.01.</summary>
    public static CreditHours FromHours(decimal hours) =>
        TryFromHours(hours, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(hours), hours, "Credit hours are exact to 0.01 hour.");

    /// <summary>Creates an amount from hours when <paramref name="hours"/> is exact to 0.01.</summary>
    public static bool TryFromHours(decimal hours, out CreditHours result)
    {
        const decimal MaxHours = long.MaxValue / HundredthsPerHour;
        result = Zero;
        if (hours is > MaxHours or < -MaxHours)
        {
            return false;
        }

        var scaled = hours * HundredthsPerHour;
        if (scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        result = new CreditHours((long)scaled);
        return true;
    }

    /// <summary>Creates an amount from hours, rounding up to the next hundredth (requirements are never rounded down).</summary>
    public static CreditHours FromHoursRoundedUp(decimal hours) =>
        new((long)decimal.Ceiling(hours * HundredthsPerHour));

    /// <summary>Creates an amount from hundredths of an hour.</summary>
    public static CreditHours FromHundredths(long hundredths) => new(hundredths);

    /// <summary>The sum of two amounts.</summary>
    public static CreditHours Add(CreditHours left, CreditHours right) => new(checked(left.Hundredths + right.Hundredths));

    /// <summary>The difference of two amounts.</summary>
    public static CreditHours Subtract(CreditHours left, CreditHours right) => new(checked(left.Hundredths - right.Hundredths));

    /// <summary>The smaller of two amounts.</summary>
    public static CreditHours Min(CreditHours left, CreditHours right) => left <= right ? left : right;

    /// <summary>The larger of two amounts.</summary>
    public static CreditHours Max(CreditHours left, CreditHours right) => left >= right ? left : right;

    /// <inheritdoc cref="Add" />
    public static CreditHours operator +(CreditHours left, CreditHours right) => Add(left, right);

    /// <inheritdoc cref="Subtract" />
    public static CreditHours operator -(CreditHours left, CreditHours right) => Subtract(left, right);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(CreditHours left, CreditHours right) => left.Hundredths < right.Hundredths;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(CreditHours left, CreditHours right) => left.Hundredths > right.Hundredths;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(CreditHours left, CreditHours right) => left.Hundredths <= right.Hundredths;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(CreditHours left, CreditHours right) => left.Hundredths >= right.Hundredths;

    /// <inheritdoc />
    public int CompareTo(CreditHours other) => Hundredths.CompareTo(other.Hundredths);

    /// <summary>The amount in hours, invariant culture, without trailing zeros (e.g. <c>12.5</c>).</summary>
    public override string ToString() => Hours.ToString("0.##", CultureInfo.InvariantCulture);
}
