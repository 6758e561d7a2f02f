using System.Globalization;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Rules;

public class CreditHoursTests
{
    [Fact]
    public void FromHours_keeps_an_amount_exact_to_a_hundredth()
    {
        var hours = CreditHours.FromHours(12.5m);

        Assert.Equal(1250, hours.Hundredths);
        Assert.Equal(12.5m, hours.Hours);
    }

    [Fact]
    public void FromHours_accepts_the_smallest_step_of_one_hundredth()
    {
        Assert.Equal(1, CreditHours.FromHours(0.01m).Hundredths);
    }

    [Theory]
    [InlineData("0.005")]
    [InlineData("12.345")]
    [InlineData("0.001")]
    public void FromHours_throws_for_an_amount_finer_than_a_hundredth(string hours)
    {
        var amount = decimal.Parse(hours, CultureInfo.InvariantCulture);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CreditHours.FromHours(amount));
        Assert.Contains("exact to 0.01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromHours_returns_false_and_zero_for_an_amount_finer_than_a_hundredth()
    {
        var ok = CreditHours.TryFromHours(0.005m, out var result);

        Assert.False(ok);
        Assert.Equal(CreditHours.Zero, result);
    }

    [Fact]
    public void TryFromHours_returns_true_and_the_amount_when_exact()
    {
        var ok = CreditHours.TryFromHours(7.25m, out var result);

        Assert.True(ok);
        Assert.Equal(725, result.Hundredths);
    }

    [Fact]
    public void TryFromHours_returns_false_for_an_amount_too_large_to_store_as_hundredths()
    {
        Assert.False(CreditHours.TryFromHours(100_000_000_000_000_000m, out _));
    }

    [Fact]
    public void TryFromHours_returns_false_rather_than_throwing_for_the_largest_decimal()
    {
        Assert.False(CreditHours.TryFromHours(decimal.MaxValue, out _));
    }

    [Theory]
    [InlineData("0.001", 1)]
    [InlineData("12.341", 1235)]
    [InlineData("12.34", 1234)]
    [InlineData("66.6666666666666666666666667", 6667)]
    [InlineData("0", 0)]
    public void FromHoursRoundedUp_rounds_up_to_the_next_hundredth(string hours, long expectedHundredths)
    {
        var amount = decimal.Parse(hours, CultureInfo.InvariantCulture);

        Assert.Equal(expectedHundredths, CreditHours.FromHoursRoundedUp(amount).Hundredths);
    }

    [Fact]
    public void FromHundredths_and_FromHours_describe_the_same_amount()
    {
        Assert.Equal(CreditHours.FromHours(12.5m), CreditHours.FromHundredths(1250));
    }

    [Fact]
    public void Zero_is_the_default_amount()
    {
        Assert.Equal(default, CreditHours.Zero);
        Assert.Equal(0, CreditHours.Zero.Hundredths);
        Assert.Equal(0m, CreditHours.Zero.Hours);
    }

    [Fact]
    public void Adding_amounts_sums_them_without_drift()
    {
        var sum = CreditHours.Zero;
        for (var i = 0; i < 10; i++)
        {
            sum += CreditHours.FromHours(0.1m);
        }

        Assert.Equal(CreditHours.FromHours(1m), sum);
        Assert.Equal(CreditHours.FromHours(13.25m), CreditHours.FromHours(12.5m) + CreditHours.FromHours(0.75m));
        Assert.Equal(CreditHours.FromHours(13.25m), CreditHours.Add(CreditHours.FromHours(12.5m), CreditHours.FromHours(0.75m)));
    }

    [Fact]
    public void Subtracting_amounts_gives_the_difference_and_may_go_below_zero()
    {
        Assert.Equal(CreditHours.FromHours(29.5m), CreditHours.FromHours(90m) - CreditHours.FromHours(60.5m));
        Assert.Equal(CreditHours.FromHours(-0.5m), CreditHours.Subtract(CreditHours.FromHours(1m), CreditHours.FromHours(1.5m)));
    }

    [Fact]
    public void Adding_past_the_largest_amount_throws_instead_of_wrapping()
    {
        var largest = CreditHours.FromHundredths(long.MaxValue);

        Assert.Throws<OverflowException>(() => largest + CreditHours.FromHundredths(1));
    }

    [Fact]
    public void Min_and_Max_pick_the_smaller_and_the_larger_amount()
    {
        var small = CreditHours.FromHours(12.5m);
        var large = CreditHours.FromHours(90m);

        Assert.Equal(small, CreditHours.Min(small, large));
        Assert.Equal(small, CreditHours.Min(large, small));
        Assert.Equal(large, CreditHours.Max(small, large));
        Assert.Equal(large, CreditHours.Max(large, small));
    }

    [Fact]
    public void Comparison_operators_order_amounts_by_size()
    {
        var small = CreditHours.FromHours(59.99m);
        var large = CreditHours.FromHours(60m);
        var same = CreditHours.FromHundredths(6000);

        Assert.True(small < large);
        Assert.False(large < small);
        Assert.True(large > small);
        Assert.False(small > large);
        Assert.True(small <= large);
        Assert.True(large <= same);
        Assert.False(large <= small);
        Assert.True(large >= small);
        Assert.True(large >= same);
        Assert.False(small >= large);
        Assert.True(large == same);
        Assert.True(small != large);
    }

    [Fact]
    public void CompareTo_sorts_amounts_ascending()
    {
        CreditHours[] amounts = [CreditHours.FromHours(90m), CreditHours.FromHours(0.5m), CreditHours.FromHours(12.5m)];

        Array.Sort(amounts);

        Assert.Equal([CreditHours.FromHours(0.5m), CreditHours.FromHours(12.5m), CreditHours.FromHours(90m)], amounts);
        Assert.Equal(0, CreditHours.FromHours(3m).CompareTo(CreditHours.FromHundredths(300)));
        Assert.True(CreditHours.FromHours(3m).CompareTo(CreditHours.FromHours(2m)) > 0);
    }

    [Theory]
    [InlineData(1250, "12.5")]
    [InlineData(9000, "90")]
    [InlineData(5, "0.05")]
    [InlineData(6667, "66.67")]
    [InlineData(0, "0")]
    [InlineData(-150, "-1.5")]
    public void ToString_shows_hours_without_trailing_zeros(long hundredths, string expected)
    {
        Assert.Equal(expected, CreditHours.FromHundredths(hundredths).ToString());
    }

    [Fact]
    public void ToString_uses_a_dot_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("12.5", CreditHours.FromHours(12.5m).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
