using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Rules;

public class ShareTests
{
    [Fact]
    public void Two_thirds_of_90_hours_is_exactly_60_hours()
    {
        Assert.Equal(CreditHours.FromHours(60m), Share.Of(2, 3).Of(CreditHours.FromHours(90m)));
    }

    [Fact]
    public void Two_thirds_of_100_hours_rounds_up_to_66_67_hours()
    {
        var share = Share.Of(2, 3).Of(CreditHours.FromHours(100m));

        Assert.Equal(6667, share.Hundredths);
        Assert.Equal("66.67", share.ToString());
    }

    [Fact]
    public void One_third_of_a_hundredth_rounds_up_to_a_whole_hundredth()
    {
        Assert.Equal(CreditHours.FromHundredths(1), Share.Of(1, 3).Of(CreditHours.FromHundredths(1)));
    }

    [Theory]
    [InlineData(2, 3, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, 100, true)]
    [InlineData(0, 3, false)]
    [InlineData(4, 3, false)]
    [InlineData(1, 0, false)]
    [InlineData(-1, 3, false)]
    [InlineData(-1, -3, false)]
    [InlineData(1, -3, false)]
    public void IsProperPart_is_true_only_for_a_fraction_in_zero_exclusive_to_one_inclusive(int numerator, int denominator, bool expected)
    {
        Assert.Equal(expected, Share.Of(numerator, denominator).IsProperPart);
    }

    [Fact]
    public void A_default_share_is_zero_over_one_and_not_a_proper_part()
    {
        var share = new Share();

        Assert.Equal(0, share.Numerator);
        Assert.Equal(1, share.Denominator);
        Assert.False(share.IsProperPart);
    }

    [Theory]
    [InlineData(2, 3, 90, 60)]
    [InlineData(1, 4, 90, 22.5)]
    [InlineData(2, 3, 360, 240)]
    [InlineData(1, 1, 25, 25)]
    public void Of_a_decimal_amount_is_exact_where_possible(int numerator, int denominator, int amount, double expected)
    {
        Assert.Equal((decimal)expected, Share.Of(numerator, denominator).Of((decimal)amount));
    }

    [Fact]
    public void Shares_with_the_same_numerator_and_denominator_are_equal()
    {
        Assert.Equal(Share.Of(2, 3), Share.Of(2, 3));
        Assert.NotEqual(Share.Of(2, 3), Share.Of(4, 6));
    }

    [Fact]
    public void ToString_is_numerator_slash_denominator()
    {
        Assert.Equal("2/3", Share.Of(2, 3).ToString());
    }
}
