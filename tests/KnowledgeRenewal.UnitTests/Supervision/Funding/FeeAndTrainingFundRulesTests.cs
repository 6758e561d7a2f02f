using KnowledgeRenewal.Supervision.Domain.Funding;

namespace KnowledgeRenewal.UnitTests.Supervision.Funding;

/// <summary>以支定收 (fee ≤ declared cost per trainee) and the employers' training-fund ratio against the floor.</summary>
public sealed class FeeAndTrainingFundRulesTests
{
    private static FeeStandardInput Input(long fee) => new()
    {
        Year = 2026, Kind = FeeTrainingKind.CapacityBuilding, FeeFen = fee,
        TeachingFen = 60_000, MaterialsFen = 15_000, VenueFen = 20_000, AccommodationFen = 20_000, OrganizationFen = 8_000, OtherFen = 2_000,
    };

    [Fact]
    public void The_cost_is_the_sum_of_the_items() =>
        Assert.Equal(125_000, FeeRules.Cost(60_000, 15_000, 20_000, 20_000, 8_000, 2_000));

    [Theory]
    [InlineData(124_999, false)]
    [InlineData(125_000, false)]
    [InlineData(125_001, true)]
    public void A_fee_may_equal_the_cost_but_not_exceed_it(long fee, bool over) =>
        Assert.Equal(over, FeeRules.OverCost(fee, 125_000));

    [Fact]
    public void A_fee_within_the_cost_is_valid() => Assert.Empty(FeeRules.Validate(Input(125_000)));

    [Fact]
    public void A_fee_above_the_cost_is_refused_on_the_fee_with_a_chinese_message_naming_both_amounts()
    {
        var error = Assert.Single(FeeRules.Validate(Input(125_001)));
        Assert.Equal("feeFen", error.Field);
        Assert.Equal("fee_over_cost", error.Code);
        Assert.Contains("1250.01", error.Message, StringComparison.Ordinal);
        Assert.Contains("1250.00", error.Message, StringComparison.Ordinal);
        Assert.Contains("以支定收", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_negative_items_are_named_and_the_cost_rule_waits_for_them()
    {
        var input = Input(100_000);
        input.VenueFen = -1;
        input.Kind = null;
        var errors = FeeRules.Validate(input);
        Assert.Contains(errors, e => e.Field == "venueFen" && e.Code == "out_of_range");
        Assert.Contains(errors, e => e.Field == "kind");
        Assert.DoesNotContain(errors, e => e.Code == "fee_over_cost");
    }

    [Theory]
    [InlineData(100_000_000, 1_500_000, false)] // exactly 1.5 %
    [InlineData(100_000_000, 1_499_999, true)]
    [InlineData(100_000_000, 0, true)]
    [InlineData(100_000_000, 2_500_000, false)]
    public void A_year_below_the_floor_is_flagged(long payroll, long spent, bool below) =>
        Assert.Equal(below, TrainingFundRules.BelowFloor(payroll, spent, 0.015m));

    [Fact]
    public void The_ratio_is_spending_over_payroll()
    {
        Assert.Equal(0.02m, TrainingFundRules.Ratio(5_000_000, 100_000));
        Assert.Equal(0m, TrainingFundRules.Ratio(0, 100_000));
        Assert.Equal(15_000, TrainingFundRules.FloorPpm(0.015m));
    }

    [Fact]
    public void The_largest_amounts_still_compare_in_whole_numbers_without_overflow()
    {
        checked
        {
            _ = TrainingFundRules.MaxFen * 1_000_000;
            _ = TrainingFundRules.MaxFen * TrainingFundRules.FloorPpm(0.999999m);
        }

        Assert.True(TrainingFundRules.BelowFloor(TrainingFundRules.MaxFen, 0, 0.015m));
    }
}
