using KnowledgeRenewal.Supervision.Domain.Funding;

namespace KnowledgeRenewal.UnitTests.Supervision.Funding;

/// <summary>The ring-fence check (专款专用): category, category budget, source budget, total budget and end date.</summary>
public sealed class RingFenceTests
{
    private static readonly DateOnly End = new(2026, 10, 31);

    // 100,000 元 in all: teaching 40,000, materials 10,000, venue 20,000; municipal 60,000 and self-raised 40,000.
    private static readonly ProjectBudget Budget = new(
        new Dictionary<SpendingCategory, long> { [SpendingCategory.Teaching] = 4_000_000, [SpendingCategory.Materials] = 1_000_000, [SpendingCategory.Venue] = 2_000_000, [SpendingCategory.Subsidy] = 0 },
        new Dictionary<FundingSource, long> { [FundingSource.Municipal] = 6_000_000, [FundingSource.SelfRaised] = 4_000_000 },
        10_000_000, End);

    private static SpentSoFar Spent(long teaching = 0, long municipal = 0, long total = 0) => new(
        new Dictionary<SpendingCategory, long> { [SpendingCategory.Teaching] = teaching },
        new Dictionary<FundingSource, long> { [FundingSource.Municipal] = municipal },
        total);

    [Fact]
    public void A_line_within_every_budget_and_period_is_not_flagged()
    {
        var result = RingFence.Check(Budget, SpentSoFar.Nothing, SpendingCategory.Teaching, FundingSource.Municipal, 1_500_000, End);
        Assert.Equal(SpendingIssues.None, result.Flags);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void A_category_without_an_approved_amount_is_outside_the_budget_categories()
    {
        var accommodation = RingFence.Check(Budget, SpentSoFar.Nothing, SpendingCategory.Accommodation, FundingSource.Municipal, 100, End);
        Assert.Equal(SpendingIssues.OutsideCategory, accommodation.Flags);
        Assert.Contains("食宿", accommodation.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("师资、资料、场地", accommodation.Reasons[0], StringComparison.Ordinal);

        // Approved at 0 is not approved either.
        Assert.Equal(SpendingIssues.OutsideCategory, RingFence.Check(Budget, SpentSoFar.Nothing, SpendingCategory.Subsidy, FundingSource.Municipal, 100, End).Flags);
    }

    [Fact]
    public void The_line_that_brings_its_category_over_the_approved_amount_is_flagged_with_the_figures()
    {
        var exactly = RingFence.Check(Budget, Spent(teaching: 3_000_000, municipal: 3_000_000, total: 3_000_000), SpendingCategory.Teaching, FundingSource.Municipal, 1_000_000, End);
        Assert.Equal(SpendingIssues.None, exactly.Flags);

        var over = RingFence.Check(Budget, Spent(teaching: 3_000_000, municipal: 3_000_000, total: 3_000_000), SpendingCategory.Teaching, FundingSource.Municipal, 1_000_001, End);
        Assert.Equal(SpendingIssues.CategoryOverBudget, over.Flags);
        Assert.Equal("“师资”累计支出 40,000.01 元，超过核定预算 40,000.00 元。", over.Reasons.Single());
    }

    [Fact]
    public void A_source_over_its_budget_line_or_absent_from_the_budget_is_flagged()
    {
        var over = RingFence.Check(Budget, Spent(municipal: 5_900_000, total: 5_900_000), SpendingCategory.Materials, FundingSource.Municipal, 200_000, End);
        Assert.Equal(SpendingIssues.SourceOverBudget, over.Flags);

        var absent = RingFence.Check(Budget, SpentSoFar.Nothing, SpendingCategory.Materials, FundingSource.Central, 100, End);
        Assert.Equal(SpendingIssues.SourceOverBudget, absent.Flags);
        Assert.Contains("没有“中央财政”资金", absent.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_total_is_checked_against_the_project_budget()
    {
        var total = RingFence.Check(Budget, Spent(teaching: 0, municipal: 0, total: 9_950_000), SpendingCategory.Venue, FundingSource.SelfRaised, 100_000, End);
        Assert.Equal(SpendingIssues.TotalOverBudget, total.Flags);
        Assert.Contains("超过项目总预算 100,000.00 元", total.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_dated_after_the_project_ended_is_flagged_and_the_last_day_is_not()
    {
        Assert.Equal(SpendingIssues.None, RingFence.Check(Budget, SpentSoFar.Nothing, SpendingCategory.Venue, FundingSource.SelfRaised, 100, End).Flags);
        var late = RingFence.Check(Budget, SpentSoFar.Nothing, SpendingCategory.Venue, FundingSource.SelfRaised, 100, End.AddDays(1));
        Assert.Equal(SpendingIssues.AfterProjectEnd, late.Flags);
        Assert.Contains("2026-11-01", late.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_all_flagged_each_with_its_reason()
    {
        var result = RingFence.Check(Budget, Spent(total: 10_000_000), SpendingCategory.Accommodation, FundingSource.Central, 500, End.AddDays(3));
        Assert.Equal(SpendingIssues.OutsideCategory | SpendingIssues.SourceOverBudget | SpendingIssues.TotalOverBudget | SpendingIssues.AfterProjectEnd, result.Flags);
        Assert.Equal(4, result.Reasons.Count);
        Assert.Equal(["超范围列支", "来源超预算", "总额超预算", "项目结束后支出"], FundingLabels.Each(result.Flags).Select(FundingLabels.Flag));
    }
}
