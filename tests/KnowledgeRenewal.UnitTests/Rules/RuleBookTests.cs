using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;

namespace KnowledgeRenewal.UnitTests.Rules;

public class RuleBookTests
{
    private static readonly CreditRuleSet First = TestRuleSets.Valid(new DateOnly(2023, 1, 1), "第一套");

    private static readonly CreditRuleSet Second =
        TestRuleSets.Valid(new DateOnly(2025, 1, 1), "第二套") with { RequiredTotal = 72m, EffectiveTo = new DateOnly(2025, 12, 31) };

    private static readonly CreditRuleSet Third = TestRuleSets.Valid(new DateOnly(2027, 1, 1), "第三套") with { RequiredTotal = 120m };

    private readonly RuleBook book = new("platform", [Third, First, Second]);

    [Fact]
    public void Keeps_its_scope()
    {
        Assert.Equal("platform", book.Scope);
    }

    [Fact]
    public void Orders_unordered_sets_by_start_day()
    {
        Assert.Equal([First, Second, Third], book.RuleSets);
    }

    [Fact]
    public void No_set_is_in_force_before_the_first_one_starts()
    {
        Assert.Null(book.InForceOn(new DateOnly(2022, 12, 31)));
    }

    [Theory]
    [InlineData(2023, 1, 1, "第一套")]
    [InlineData(2024, 12, 31, "第一套")]
    [InlineData(2025, 1, 1, "第二套")]
    [InlineData(2025, 12, 31, "第二套")]
    [InlineData(2027, 1, 1, "第三套")]
    [InlineData(2035, 6, 1, "第三套")]
    public void The_set_in_force_is_the_latest_that_started_on_or_before_the_day(int year, int month, int day, string expectedTitle)
    {
        var set = book.InForceOn(new DateOnly(year, month, day));

        Assert.NotNull(set);
        Assert.Equal(expectedTitle, set.Title);
    }

    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 12, 31)]
    public void No_set_is_in_force_in_the_gap_after_a_set_ends_early(int year, int month, int day)
    {
        Assert.Null(book.InForceOn(new DateOnly(year, month, day)));
    }

    [Fact]
    public void A_book_without_sets_has_nothing_in_force()
    {
        Assert.Null(new RuleBook("water", []).InForceOn(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void A_single_set_that_ends_is_not_in_force_after_its_end()
    {
        var single = new RuleBook("water", [First with { EffectiveTo = new DateOnly(2023, 12, 31) }]);

        Assert.NotNull(single.InForceOn(new DateOnly(2023, 12, 31)));
        Assert.Null(single.InForceOn(new DateOnly(2024, 1, 1)));
    }
}
