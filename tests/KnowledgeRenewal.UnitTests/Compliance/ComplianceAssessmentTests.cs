using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Compliance;

/// <summary>
/// What the compliance table stores is computed without per-record verdicts (bulk and incremental recomputation):
/// it must be exactly what the explanation shows.
/// </summary>
public sealed class ComplianceAssessmentTests
{
    private static readonly RuleBook Platform = new(PlatformCreditRules.Scope, PlatformCreditRules.RuleSets);
    private static readonly RuleBook Health = new("health", new HealthModule().RuleSets);
    private static readonly RuleBook Education = new("education", new EducationModule().RuleSets);
    private static readonly IReadOnlyDictionary<string, string> HealthClasses = new HealthModule().CreditClasses.ToDictionary(c => c.Key, c => c.Name);

    public static TheoryData<string, int, int> Populations() => new()
    {
        { "platform", 2025, 1 },
        { "platform", 2025, 2 },
        { "health", 2025, 3 },
        { "health", 2024, 4 },
        { "education", 2025, 5 },
        { "education", 2026, 6 },
    };

    [Theory]
    [MemberData(nameof(Populations))]
    public void Without_verdicts_the_status_totals_buckets_and_missing_texts_are_those_of_the_explanation(string scope, int year, int seed)
    {
        var book = scope switch { "health" => Health, "education" => Education, _ => Platform };
        var classes = scope == "health" ? HealthClasses : null;
        var random = new Random(seed);
        var activities = new[] { ActivityType.ClassroomTraining, ActivityType.OnlineLearning, ActivityType.AcademicConference, ActivityType.Lecturing, ActivityType.Patent };
        var statuses = new[] { CreditRecordStatus.Approved, CreditRecordStatus.Approved, CreditRecordStatus.Approved, CreditRecordStatus.Pending, CreditRecordStatus.Revoked };
        for (var person = 0; person < 200; person++)
        {
            var entries = Enumerable.Range(0, random.Next(0, 14)).Select(_ => new CreditEntry(
                Guid.NewGuid(),
                new DateOnly(2023 + random.Next(4), 1 + random.Next(12), 1 + random.Next(28)),
                random.Next(3) == 0 ? CreditCategory.Public : CreditCategory.Professional,
                activities[random.Next(activities.Length)],
                CreditHours.FromHundredths(random.Next(1, 40) * 50),
                statuses[random.Next(statuses.Length)])).ToList();

            var explained = CreditEvaluator.Evaluate(book, year, entries, new DateOnly(2026, 11, 28), classes);
            var assessed = CreditEvaluator.Evaluate(book, year, entries, new DateOnly(2026, 11, 28), classes, explain: false);

            Assert.Equal(explained.Status, assessed.Status);
            Assert.Equal(explained.Cycle, assessed.Cycle);
            Assert.Equal(explained.Counted, assessed.Counted);
            Assert.Equal(explained.Required, assessed.Required);
            Assert.Equal(explained.Buckets, assessed.Buckets);
            Assert.Equal(explained.Missing, assessed.Missing);
            Assert.Equal(explained.Entries.Sum(e => e.Counted.Hundredths), explained.Counted.Hundredths);
            Assert.Empty(assessed.Entries);
        }
    }

    [Fact]
    public void Health_converts_hours_to_credits_rounding_the_shortfall_up_to_a_hundredth()
    {
        // 3 学时 = 1 学分: 14 class I hours are 4.67 credits; class I still misses 0.34 credits (1 hour), shown rounded up.
        var result = CreditEvaluator.Evaluate(
            Health,
            2025,
            [new CreditEntry(Guid.NewGuid(), new DateOnly(2025, 4, 2), CreditCategory.Professional, ActivityType.ClassroomTraining, CreditHours.FromHours(14))],
            new DateOnly(2026, 1, 1),
            HealthClasses);

        Assert.Equal(ComplianceStatus.NotMet, result.Status);
        Assert.Equal("Ⅰ类学分还差 0.34 学分", result.Missing[0]);
        Assert.Equal(CreditHours.FromHours(1), result.Buckets.Single(b => b.Bucket == "I").Shortfall);
    }

    [Fact]
    public void Education_cycle_years_outside_the_cycle_do_not_count_and_the_next_cycle_starts_empty()
    {
        var inCycle = new CreditEntry(Guid.NewGuid(), new DateOnly(2027, 12, 31), CreditCategory.Professional, ActivityType.ClassroomTraining, CreditHours.FromHours(300));
        var nextCycle = new CreditEntry(Guid.NewGuid(), new DateOnly(2028, 1, 1), CreditCategory.Public, ActivityType.ClassroomTraining, CreditHours.FromHours(120));

        var first = CreditEvaluator.Evaluate(Education, 2023, [inCycle, nextCycle], new DateOnly(2029, 1, 1));
        var second = CreditEvaluator.Evaluate(Education, 2030, [inCycle, nextCycle], new DateOnly(2029, 1, 1));

        Assert.Equal((2023, 2027), (first.Cycle.StartYear, first.Cycle.EndYear));
        Assert.Equal(300m, first.Counted.Hours);
        Assert.Equal(["总学时还差 60 学时"], first.Missing);
        Assert.Equal(ComplianceStatus.NotMet, first.Status);
        Assert.Equal((2028, 2032), (second.Cycle.StartYear, second.Cycle.EndYear));
        Assert.Equal(120m, second.Counted.Hours);
        Assert.Equal(ComplianceStatus.InProgress, second.Status);
    }

    [Fact]
    public void A_year_before_any_rule_has_no_rules_and_says_so()
    {
        var result = CreditEvaluator.Evaluate(Platform, 2022, [], new DateOnly(2026, 1, 1), explain: false);

        Assert.Equal(ComplianceStatus.NoRules, result.Status);
        Assert.Null(result.RuleSet);
        Assert.Equal(["该年度没有适用的学时规则。"], result.Missing);
    }

    [Fact]
    public void What_if_counts_every_status_before_and_after()
    {
        var draft = PlatformCreditRules.RuleSets[0] with { Title = "草案：每年 60 学时", RequiredTotal = 60m };
        var people = new[] { 40m, 60m, 90m }
            .Select(hours => new PersonRecords(Guid.NewGuid(), Platform, [new CreditEntry(Guid.NewGuid(), new DateOnly(2025, 5, 1), CreditCategory.Professional, ActivityType.ClassroomTraining, CreditHours.FromHours(hours))]))
            .ToArray();

        var report = WhatIf.Run(draft, 2025, people, new DateOnly(2026, 11, 28));

        Assert.Equal(1, report.Before[ComplianceStatus.Met]);
        Assert.Equal(2, report.Before[ComplianceStatus.NotMet]);
        Assert.Equal(2, report.After[ComplianceStatus.Met]);
        Assert.Equal(1, report.After[ComplianceStatus.NotMet]);
        Assert.Equal(1, report.NewlyMet);
        Assert.Equal(people[1].PersonId, Assert.Single(report.Changes).PersonId);
    }
}

/// <summary>A draft rule set's problems, field by field, in Chinese (what-if refuses a draft with any).</summary>
public sealed class DraftRuleSetRulesTests
{
    private static readonly IReadOnlyDictionary<string, string> HealthClasses = new HealthModule().CreditClasses.ToDictionary(c => c.Key, c => c.Name);

    [Fact]
    public void A_module_rule_set_is_a_valid_draft()
    {
        Assert.Empty(DraftRuleSetRules.Check(new HealthModule().RuleSets[0], HealthClasses));
        Assert.Empty(DraftRuleSetRules.Check(PlatformCreditRules.RuleSets[0], new Dictionary<string, string>()));
    }

    [Fact]
    public void Each_problem_names_its_field()
    {
        var draft = new CreditRuleSet
        {
            Title = " ",
            EffectiveFrom = new DateOnly(2025, 1, 1),
            EffectiveTo = new DateOnly(2024, 1, 1),
            CycleYears = 0,
            RequiredTotal = 0m,
            Requirements =
            [
                new CreditRequirement { CreditClass = "III", Minimum = 5m },
                new CreditRequirement { Category = CreditCategory.Public, Minimum = -1m },
            ],
            Activities =
            [
                new ActivityRule { Activity = ActivityType.ClassroomTraining },
                new ActivityRule { Activity = ActivityType.ClassroomTraining, MaxPerYear = 0m },
            ],
        };

        var errors = DraftRuleSetRules.Check(draft, HealthClasses).ToDictionary(e => e.Field, e => e.Message);

        Assert.Contains("ruleSet.title", errors.Keys);
        Assert.Contains("ruleSet.effectiveTo", errors.Keys);
        Assert.Contains("ruleSet.cycleYears", errors.Keys);
        Assert.Contains("ruleSet.requiredTotal", errors.Keys);
        Assert.Contains("ruleSet.requirements[0].creditClass", errors.Keys);
        Assert.Contains("ruleSet.requirements[1].minimum", errors.Keys);
        Assert.Contains("ruleSet.activities[1].activity", errors.Keys);
        Assert.Contains("Ⅰ类学分", errors["ruleSet.requirements[0].creditClass"], StringComparison.Ordinal);
        Assert.All(errors.Values, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public void A_missing_draft_is_one_problem()
    {
        var error = Assert.Single(DraftRuleSetRules.Check(null, HealthClasses));
        Assert.Equal("ruleSet", error.Field);
    }
}
