using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;

namespace KnowledgeRenewal.UnitTests.Rules;

public class CreditRuleSetTests
{
    private static readonly CreditRuleSet Credits = TestRuleSets.InCredits();

    [Fact]
    public void RequiredTotalHours_converts_25_credits_at_3_hours_each_to_75_hours()
    {
        Assert.Equal(CreditHours.FromHours(75m), Credits.RequiredTotalHours);
    }

    [Fact]
    public void ToHours_converts_two_and_a_half_credits_to_seven_and_a_half_hours()
    {
        Assert.Equal(CreditHours.FromHours(7.5m), Credits.ToHours(2.5m));
    }

    [Fact]
    public void ToHours_rounds_a_fraction_of_a_hundredth_up()
    {
        Assert.Equal(CreditHours.FromHundredths(1), Credits.ToHours(0.001m));
    }

    [Fact]
    public void A_set_in_hours_converts_one_to_one()
    {
        var hours = TestRuleSets.Valid();

        Assert.Equal(CreditHours.FromHours(90m), hours.RequiredTotalHours);
        Assert.Equal(CreditHours.FromHours(12.5m), hours.ToHours(12.5m));
    }

    [Fact]
    public void A_new_set_defaults_to_a_yearly_cycle_in_hours_at_one_hour_per_unit()
    {
        var set = new CreditRuleSet();

        Assert.Equal(1, set.CycleYears);
        Assert.Equal(CreditUnit.Hour, set.Unit);
        Assert.Equal(1m, set.HoursPerUnit);
        Assert.Empty(set.Requirements);
        Assert.Empty(set.Activities);
    }

    [Fact]
    public void Covers_the_days_from_its_start_to_its_end_inclusive()
    {
        var set = TestRuleSets.Valid(new DateOnly(2024, 1, 1)) with { EffectiveTo = new DateOnly(2024, 12, 31) };

        Assert.False(set.Covers(new DateOnly(2023, 12, 31)));
        Assert.True(set.Covers(new DateOnly(2024, 1, 1)));
        Assert.True(set.Covers(new DateOnly(2024, 12, 31)));
        Assert.False(set.Covers(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Covers_every_later_day_when_open_ended()
    {
        Assert.True(TestRuleSets.Valid(new DateOnly(2024, 1, 1)).Covers(new DateOnly(2099, 12, 31)));
    }

    [Theory]
    [InlineData(null, 60)]
    [InlineData(50, 60)]
    [InlineData(70, 70)]
    public void EffectiveMinimum_is_the_larger_of_the_absolute_and_the_share_minimum(int? minimum, int expected)
    {
        var requirement = new CreditRequirement { Category = CreditCategory.Professional, Minimum = minimum, MinimumShare = Share.Of(2, 3) };

        Assert.Equal(expected, requirement.EffectiveMinimum(TestRuleSets.Valid()));
    }

    [Fact]
    public void EffectiveMinimum_is_the_absolute_minimum_without_a_share()
    {
        var requirement = new CreditRequirement { CreditClass = "I", Minimum = 5m, Maximum = 10m };

        Assert.Equal(5m, requirement.EffectiveMinimum(Credits));
    }

    [Fact]
    public void EffectiveMinimum_is_zero_with_only_a_maximum()
    {
        var requirement = new CreditRequirement { Category = CreditCategory.Public, Maximum = 30m };

        Assert.Equal(0m, requirement.EffectiveMinimum(TestRuleSets.Valid()));
    }

    [Fact]
    public void EffectiveMinimum_takes_the_share_of_the_sets_own_required_total()
    {
        var requirement = new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) };

        Assert.Equal(240m, requirement.EffectiveMinimum(TestRuleSets.Valid() with { RequiredTotal = 360m, CycleYears = 5 }));
    }

    [Theory]
    [InlineData(CreditCategory.Professional, null, "Professional")]
    [InlineData(CreditCategory.Public, null, "Public")]
    [InlineData(null, "II", "II")]
    [InlineData(null, null, "")]
    public void Bucket_is_the_class_key_or_the_category_name(CreditCategory? category, string? creditClass, string expected)
    {
        Assert.Equal(expected, new CreditRequirement { Category = category, CreditClass = creditClass }.Bucket);
    }
}
