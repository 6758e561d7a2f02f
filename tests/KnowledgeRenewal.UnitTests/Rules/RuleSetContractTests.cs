using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;

namespace KnowledgeRenewal.UnitTests.Rules;

public class RuleSetContractTests
{
    private static readonly string[] HealthClasses = ["I", "II"];

    [Fact]
    public void A_well_formed_rule_set_has_no_problems()
    {
        Assert.Empty(RuleSetContract.Check([TestRuleSets.Valid()], []));
    }

    [Fact]
    public void A_well_formed_set_counted_in_credits_of_declared_classes_has_no_problems()
    {
        Assert.Empty(RuleSetContract.Check([TestRuleSets.InCredits()], HealthClasses));
    }

    [Fact]
    public void Consecutive_sets_that_touch_without_overlapping_have_no_problems()
    {
        var first = TestRuleSets.Valid(new DateOnly(2023, 1, 1)) with { EffectiveTo = new DateOnly(2024, 12, 31) };
        var second = TestRuleSets.Valid(new DateOnly(2025, 1, 1));

        Assert.Empty(RuleSetContract.Check([second, first], []));
    }

    [Fact]
    public void No_rule_set_at_all_asks_for_one()
    {
        var problem = Assert.Single(RuleSetContract.Check([], []));

        Assert.Contains("declares no rule set", problem, StringComparison.Ordinal);
        Assert.Contains("add at least one CreditRuleSet", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_title_asks_for_a_Chinese_title(string title)
    {
        var problem = SingleProblem(TestRuleSets.Valid() with { Title = title });

        Assert.Contains("give it a Chinese Title", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_set_names_the_set_by_title_and_start_day()
    {
        var problem = SingleProblem(TestRuleSets.Valid(new DateOnly(2024, 3, 1), "护理规则") with { CycleYears = 0 });

        Assert.StartsWith("rule set '护理规则' (2024-03-01): ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveTo_before_EffectiveFrom_is_reported()
    {
        var problem = SingleProblem(TestRuleSets.Valid(new DateOnly(2024, 1, 1)) with { EffectiveTo = new DateOnly(2023, 12, 31) });

        Assert.Contains("EffectiveTo 2023-12-31 is before EffectiveFrom", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveTo_on_the_start_day_is_a_one_day_set_and_allowed()
    {
        Assert.Empty(RuleSetContract.Check([TestRuleSets.Valid() with { EffectiveTo = TestRuleSets.Start }], []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void CycleYears_outside_1_to_10_is_reported_with_the_allowed_range(int cycleYears)
    {
        var problem = SingleProblem(TestRuleSets.Valid() with { CycleYears = cycleYears });

        Assert.Contains($"CycleYears must be between 1 and 10, not {cycleYears}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void CycleYears_at_the_bounds_is_allowed(int cycleYears)
    {
        Assert.Empty(RuleSetContract.Check([TestRuleSets.Valid() with { CycleYears = cycleYears }], []));
    }

    [Theory]
    [InlineData(CreditUnit.Credit)]
    [InlineData(CreditUnit.Hour)]
    public void HoursPerUnit_zero_asks_for_a_positive_conversion(CreditUnit unit)
    {
        var problem = SingleProblem(TestRuleSets.Valid() with { Unit = unit, HoursPerUnit = 0m });

        Assert.Contains("HoursPerUnit (the conversion to credit hours) must be positive, not 0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_counted_in_hours_with_three_hours_per_unit_asks_to_fix_one_of_the_two()
    {
        var problem = SingleProblem(TestRuleSets.Valid() with { Unit = CreditUnit.Hour, HoursPerUnit = 3m });

        Assert.Contains("a set counted in hours converts 1:1", problem, StringComparison.Ordinal);
        Assert.Contains("set HoursPerUnit to 1 or Unit to Credit", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-90)]
    public void RequiredTotal_not_positive_is_reported(int requiredTotal)
    {
        var problems = RuleSetContract.Check([TestRuleSets.Valid() with { RequiredTotal = requiredTotal }], []);

        Assert.Contains(problems, p => p.Contains($"RequiredTotal must be positive, not {requiredTotal}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_requirement_naming_both_category_and_class_must_name_exactly_one()
    {
        var problem = SingleProblem(
            WithRequirement(new CreditRequirement { Category = CreditCategory.Professional, CreditClass = "I", Minimum = 5m }),
            HealthClasses);

        Assert.Contains("a requirement must name exactly one of Category and CreditClass", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requirement_naming_neither_category_nor_class_must_name_exactly_one()
    {
        var problem = SingleProblem(WithRequirement(new CreditRequirement { Minimum = 5m }));

        Assert.Contains("a requirement must name exactly one of Category and CreditClass", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_requirements_for_the_same_category_ask_to_merge_them()
    {
        var set = TestRuleSets.Valid() with
        {
            Requirements =
            [
                new CreditRequirement { Category = CreditCategory.Professional, Minimum = 30m },
                new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) },
            ],
        };

        var problem = SingleProblem(set);

        Assert.Contains("two requirements for 'Professional'; merge them", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_requirements_for_the_same_class_ask_to_merge_them()
    {
        var set = TestRuleSets.InCredits() with
        {
            Requirements =
            [
                new CreditRequirement { CreditClass = "I", Minimum = 5m },
                new CreditRequirement { CreditClass = "I", Maximum = 10m },
            ],
        };

        var problem = SingleProblem(set, HealthClasses);

        Assert.Contains("two requirements for 'I'; merge them", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requirement_for_an_undeclared_class_asks_to_declare_it()
    {
        var problem = SingleProblem(WithRequirement(new CreditRequirement { CreditClass = "III", Minimum = 5m }), HealthClasses);

        Assert.Contains("requirement refers to unknown credit class 'III'", problem, StringComparison.Ordinal);
        Assert.Contains("declare it in CreditClasses", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Credit_class_keys_are_case_sensitive()
    {
        var problem = SingleProblem(WithRequirement(new CreditRequirement { CreditClass = "i", Minimum = 5m }), HealthClasses);

        Assert.Contains("unknown credit class 'i'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_for_an_undeclared_class_asks_to_declare_it()
    {
        var set = TestRuleSets.Valid() with
        {
            Activities = [new ActivityRule { Activity = ActivityType.OnlineLearning, CreditClass = "III" }],
        };

        var problem = SingleProblem(set, HealthClasses);

        Assert.Contains("activity OnlineLearning refers to unknown credit class 'III'", problem, StringComparison.Ordinal);
        Assert.Contains("declare it in CreditClasses", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requirement_without_minimum_or_maximum_is_reported()
    {
        var problem = SingleProblem(WithRequirement(new CreditRequirement { Category = CreditCategory.Public }));

        Assert.Contains("requirement for 'Public' sets neither a minimum nor a maximum", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requirement_with_only_a_maximum_is_allowed()
    {
        Assert.Empty(RuleSetContract.Check([WithRequirement(new CreditRequirement { Category = CreditCategory.Public, Maximum = 30m })], []));
    }

    [Fact]
    public void A_negative_minimum_is_reported()
    {
        var problem = SingleProblem(WithRequirement(new CreditRequirement { Category = CreditCategory.Public, Minimum = -1m }));

        Assert.Contains("requirement for 'Public' needs a non-negative Minimum and a positive Maximum", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_maximum_is_reported()
    {
        var problems = RuleSetContract.Check([WithRequirement(new CreditRequirement { Category = CreditCategory.Public, Maximum = 0m })], []);

        Assert.Contains(problems, p => p.Contains("needs a non-negative Minimum and a positive Maximum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_minimum_share_above_one_must_be_a_fraction_in_zero_to_one()
    {
        var problems = RuleSetContract.Check(
            [WithRequirement(new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(4, 3) })],
            []);

        Assert.Contains(problems, p => p.Contains("requirement for 'Professional' MinimumShare 4/3 must be a fraction in (0, 1]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zero_minimum_share_must_be_a_fraction_in_zero_to_one()
    {
        var problem = SingleProblem(WithRequirement(new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(0, 3) }));

        Assert.Contains("MinimumShare 0/3 must be a fraction in (0, 1]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimum_share_with_a_zero_denominator_is_reported_not_thrown()
    {
        var problems = RuleSetContract.Check(
            [WithRequirement(new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 0) })],
            []);

        Assert.Contains(problems, p => p.Contains("MinimumShare 2/0 must be a fraction in (0, 1]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_minimum_above_the_required_total_is_reported_with_both_numbers()
    {
        var problem = SingleProblem(WithRequirement(new CreditRequirement { Category = CreditCategory.Public, Minimum = 100m }));

        Assert.Contains("requirement for 'Public' minimum 100 exceeds RequiredTotal 90", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimum_share_above_one_is_reported_once_as_an_improper_fraction()
    {
        var problems = RuleSetContract.Check(
            [WithRequirement(new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(4, 3) })],
            []);

        var problem = Assert.Single(problems);
        Assert.Contains("MinimumShare 4/3 must be a fraction in (0, 1]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimum_equal_to_the_required_total_is_allowed()
    {
        Assert.Empty(RuleSetContract.Check([WithRequirement(new CreditRequirement { Category = CreditCategory.Public, Minimum = 90m })], []));
    }

    [Fact]
    public void A_maximum_below_the_minimum_is_reported_with_both_numbers()
    {
        var problem = SingleProblem(WithRequirement(new CreditRequirement { Category = CreditCategory.Public, Minimum = 30m, Maximum = 20m }));

        Assert.Contains("requirement for 'Public' Maximum 20 is below its minimum 30", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_maximum_below_the_share_minimum_is_reported()
    {
        var problem = SingleProblem(
            WithRequirement(new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3), Maximum = 50m }));

        Assert.Contains("Maximum 50 is below its minimum 60", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rules_for_the_same_activity_ask_to_keep_one()
    {
        var set = TestRuleSets.Valid() with
        {
            Activities =
            [
                new ActivityRule { Activity = ActivityType.ClassroomTraining },
                new ActivityRule { Activity = ActivityType.ClassroomTraining, MaxPerYear = 30m },
            ],
        };

        var problem = SingleProblem(set);

        Assert.Contains("activity ClassroomTraining has two rules; keep one", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void CreditPerItem_not_positive_is_reported(int creditPerItem)
    {
        var set = TestRuleSets.Valid() with
        {
            Activities = [new ActivityRule { Activity = ActivityType.Patent, CreditPerItem = creditPerItem }],
        };

        var problem = SingleProblem(set);

        Assert.Contains("activity Patent CreditPerItem must be positive", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-40)]
    public void MaxPerYear_not_positive_is_reported(int maxPerYear)
    {
        var set = TestRuleSets.Valid() with
        {
            Activities = [new ActivityRule { Activity = ActivityType.Lecturing, MaxPerYear = maxPerYear }],
        };

        var problem = SingleProblem(set);

        Assert.Contains("activity Lecturing MaxPerYear must be positive", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_sets_starting_on_the_same_day_ask_for_distinct_start_days()
    {
        var problem = Assert.Single(RuleSetContract.Check([TestRuleSets.Valid(), TestRuleSets.Valid(title: "另一规则")], []));

        Assert.Contains("two rule sets start on 2024-01-01; give each set its own EffectiveFrom", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 1, 1)]
    [InlineData(2025, 6, 30)]
    public void A_set_ending_on_or_after_the_next_start_overlaps(int year, int month, int day)
    {
        var first = TestRuleSets.Valid(new DateOnly(2023, 1, 1), "旧规则") with { EffectiveTo = new DateOnly(year, month, day) };
        var second = TestRuleSets.Valid(new DateOnly(2025, 1, 1), "新规则");

        var problem = Assert.Single(RuleSetContract.Check([second, first], []));

        Assert.Contains($"rule set '旧规则' ends on {year:D4}-{month:D2}-{day:D2} but '新规则' starts on 2025-01-01", problem, StringComparison.Ordinal);
        Assert.Contains("periods must not overlap", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_of_every_set_are_reported_together()
    {
        var problems = RuleSetContract.Check(
            [TestRuleSets.Valid(new DateOnly(2023, 1, 1)) with { Title = "" }, TestRuleSets.Valid(new DateOnly(2025, 1, 1)) with { RequiredTotal = 0m }],
            []);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("(2023-01-01): give it a Chinese Title", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("(2025-01-01): RequiredTotal must be positive", StringComparison.Ordinal));
    }

    private static CreditRuleSet WithRequirement(CreditRequirement requirement) =>
        TestRuleSets.Valid() with { Requirements = [requirement] };

    private static string SingleProblem(CreditRuleSet set, IReadOnlyCollection<string>? classes = null) =>
        Assert.Single(RuleSetContract.Check([set], classes ?? []));
}
