using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Compliance;

public sealed class CreditEvaluatorTests
{
    private static readonly RuleBook Platform = new(PlatformCreditRules.Scope, PlatformCreditRules.RuleSets);
    private static readonly RuleBook Health = new("health", new HealthModule().RuleSets);
    private static readonly RuleBook Education = new("education", new EducationModule().RuleSets);
    private static readonly IReadOnlyDictionary<string, string> HealthClasses = new HealthModule().CreditClasses.ToDictionary(c => c.Key, c => c.Name);
    private static readonly DateOnly AfterEverything = new(2031, 1, 1);

    [Fact]
    public void Default_rule_is_met_with_90_hours_of_which_60_professional()
    {
        var result = CreditEvaluator.Evaluate(Platform, 2025, [Entry(2025, 3, CreditCategory.Public, 30), Entry(2025, 6, CreditCategory.Professional, 60)], AfterEverything);

        Assert.Equal(ComplianceStatus.Met, result.Status);
        Assert.Equal(90m, result.Counted.Hours);
        Assert.Empty(result.Missing);
        Assert.All(result.Entries, e => Assert.Equal(EntryOutcome.Counted, e.Outcome));
    }

    [Fact]
    public void Default_rule_explains_what_is_missing_per_category_and_in_total()
    {
        var result = CreditEvaluator.Evaluate(Platform, 2025, [Entry(2025, 3, CreditCategory.Public, 24), Entry(2025, 6, CreditCategory.Professional, 54)], AfterEverything);

        Assert.Equal(ComplianceStatus.NotMet, result.Status);
        Assert.Equal(["专业科目还差 6 学时", "总学时还差 12 学时"], result.Missing);
        Assert.Equal(60m, result.Buckets.Single(b => b.Bucket == "Professional").Minimum!.Value.Hours);
    }

    [Fact]
    public void Public_hours_cannot_make_up_for_missing_professional_hours()
    {
        var result = CreditEvaluator.Evaluate(Platform, 2025, [Entry(2025, 3, CreditCategory.Public, 90)], AfterEverything);

        Assert.Equal(ComplianceStatus.NotMet, result.Status);
        Assert.Equal(["专业科目还差 60 学时"], result.Missing);
    }

    [Fact]
    public void A_running_cycle_that_is_not_yet_met_is_in_progress()
    {
        var result = CreditEvaluator.Evaluate(Platform, 2026, [Entry(2026, 3, CreditCategory.Professional, 40)], new DateOnly(2026, 11, 28));

        Assert.Equal(ComplianceStatus.InProgress, result.Status);
    }

    [Fact]
    public void Only_approved_records_inside_the_cycle_count_and_the_others_say_why()
    {
        var pending = Entry(2025, 2, CreditCategory.Professional, 20, status: CreditRecordStatus.Pending);
        var rejected = Entry(2025, 2, CreditCategory.Professional, 20, status: CreditRecordStatus.Rejected);
        var revoked = Entry(2025, 2, CreditCategory.Professional, 20, status: CreditRecordStatus.Revoked);
        var lastYear = Entry(2024, 12, CreditCategory.Professional, 20);

        var result = CreditEvaluator.Evaluate(Platform, 2025, [pending, rejected, revoked, lastYear], AfterEverything);

        Assert.Equal(CreditHours.Zero, result.Counted);
        Assert.Equal(3, result.Entries.Count);
        Assert.Contains("待审核", result.Entries.Single(e => e.EntryId == pending.Id).Reason, StringComparison.Ordinal);
        Assert.Contains("已驳回", result.Entries.Single(e => e.EntryId == rejected.Id).Reason, StringComparison.Ordinal);
        Assert.Contains("已撤销", result.Entries.Single(e => e.EntryId == revoked.Id).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_yearly_caps_cut_the_excess_and_say_so()
    {
        // Platform default: academic conferences count at most 24 hours a year.
        var first = Entry(2025, 3, CreditCategory.Professional, 16, ActivityType.AcademicConference);
        var second = Entry(2025, 5, CreditCategory.Professional, 16, ActivityType.AcademicConference);
        var third = Entry(2025, 9, CreditCategory.Professional, 8, ActivityType.AcademicConference);

        var result = CreditEvaluator.Evaluate(Platform, 2025, [first, second, third], AfterEverything);

        Assert.Equal(24m, result.Counted.Hours);
        Assert.Equal(EntryOutcome.Counted, result.Entries.Single(e => e.EntryId == first.Id).Outcome);
        var capped = result.Entries.Single(e => e.EntryId == second.Id);
        Assert.Equal(EntryOutcome.Capped, capped.Outcome);
        Assert.Equal(8m, capped.Counted.Hours);
        Assert.Equal("2025 年学术会议已达年度上限 24 学时，计入 8 学时。", capped.Reason);
        Assert.Equal(EntryOutcome.Excluded, result.Entries.Single(e => e.EntryId == third.Id).Outcome);
    }

    [Fact]
    public void Health_counts_in_credits_converted_from_hours_with_class_minimums_and_maximums()
    {
        // 1 学分 = 3 学时: class I 5–10 credits (15–30 h), class II 15–20 credits (45–60 h), 25 credits (75 h) in all.
        var result = CreditEvaluator.Evaluate(
            Health,
            2025,
            [
                Entry(2025, 3, CreditCategory.Professional, 36, ActivityType.ClassroomTraining),
                Entry(2025, 4, CreditCategory.Professional, 30, ActivityType.AcademicConference),
                Entry(2025, 6, CreditCategory.Professional, 30, ActivityType.OnlineLearning),
            ],
            AfterEverything,
            HealthClasses);

        var classOne = result.Buckets.Single(b => b.Bucket == "I");
        var classTwo = result.Buckets.Single(b => b.Bucket == "II");
        Assert.Equal(30m, classOne.Counted.Hours);
        Assert.Equal(60m, classTwo.Counted.Hours);
        Assert.Equal(75m, result.Required.Hours);
        Assert.Equal(ComplianceStatus.Met, result.Status);
        Assert.Contains("Ⅰ类学分已达上限 10 学分", result.Entries[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Health_classes_are_not_interchangeable()
    {
        // 30 class II credits cannot stand in for class I: II is capped at 20 and I is still missing 5.
        var result = CreditEvaluator.Evaluate(
            Health,
            2025,
            [
                Entry(2025, 4, CreditCategory.Professional, 30, ActivityType.AcademicConference),
                Entry(2025, 5, CreditCategory.Professional, 30, ActivityType.OnlineLearning),
                Entry(2025, 6, CreditCategory.Professional, 30, ActivityType.Lecturing),
            ],
            AfterEverything,
            HealthClasses);

        Assert.Equal(ComplianceStatus.NotMet, result.Status);
        Assert.Equal(60m, result.Counted.Hours);
        Assert.Equal(["Ⅰ类学分还差 5 学分", "总学分还差 5 学分"], result.Missing);
    }

    [Fact]
    public void Education_counts_a_five_year_cycle_and_a_single_year_cannot_meet_it()
    {
        var cycle = CreditEvaluator.CycleOf(Education, 2025)!;
        var entries = Enumerable.Range(2023, 5).Select(year => Entry(year, 6, CreditCategory.Professional, 48)).Append(Entry(2024, 7, CreditCategory.Public, 120)).ToArray();

        var result = CreditEvaluator.Evaluate(Education, 2025, entries, AfterEverything);
        var oneYear = CreditEvaluator.Evaluate(Education, 2025, entries.Where(e => e.Date.Year == 2025), AfterEverything);

        Assert.Equal(new CycleWindow(2023, 5), cycle);
        Assert.Equal(new CycleWindow(2028, 5), CreditEvaluator.CycleOf(Education, 2030));
        Assert.Equal(ComplianceStatus.Met, result.Status);
        Assert.Equal(360m, result.Counted.Hours);
        Assert.Equal(ComplianceStatus.NotMet, oneYear.Status);
        Assert.Contains("总学时还差 312 学时", oneYear.Missing);
    }

    [Fact]
    public void The_rule_set_in_force_for_the_year_applies_and_a_year_before_any_rule_has_none()
    {
        var stricter = new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2027, 1, 1),
            Title = "新标准",
            RequiredTotal = 120m,
            Requirements = [new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) }],
        };
        var book = new RuleBook("platform", [.. PlatformCreditRules.RuleSets, stricter]);
        var entries = new[] { Entry(2026, 3, CreditCategory.Professional, 100), Entry(2027, 3, CreditCategory.Professional, 100) };

        Assert.Equal(ComplianceStatus.Met, CreditEvaluator.Evaluate(book, 2026, entries, AfterEverything).Status);
        var later = CreditEvaluator.Evaluate(book, 2027, entries, AfterEverything);
        Assert.Equal("新标准", later.RuleSet!.Title);
        Assert.Equal(["总学时还差 20 学时"], later.Missing);
        Assert.Equal(ComplianceStatus.NoRules, CreditEvaluator.Evaluate(book, 2022, entries, AfterEverything).Status);
    }

    [Fact]
    public void Activities_the_rule_set_does_not_list_are_excluded_with_the_reason()
    {
        var education = Entry(2025, 3, CreditCategory.Professional, 20, ActivityType.Patent);

        var result = CreditEvaluator.Evaluate(Education, 2025, [education], AfterEverything);

        var verdict = Assert.Single(result.Entries);
        Assert.Equal(EntryOutcome.Excluded, verdict.Outcome);
        Assert.StartsWith("专利不计入", verdict.Reason, StringComparison.Ordinal);
    }

    private static CreditEntry Entry(int year, int month, CreditCategory category, decimal hours, ActivityType activity = ActivityType.ClassroomTraining, CreditRecordStatus status = CreditRecordStatus.Approved) =>
        new(Guid.NewGuid(), new DateOnly(year, month, 15), category, activity, CreditHours.FromHours(hours), status);
}

public sealed class WhatIfTests
{
    [Fact]
    public void A_stricter_draft_reports_who_would_no_longer_meet_the_past_year()
    {
        var current = new RuleBook(PlatformCreditRules.Scope, PlatformCreditRules.RuleSets);
        var draft = new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2027, 1, 1),
            Title = "草案：每年 100 学时",
            RequiredTotal = 100m,
            Requirements = [new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) }],
        };
        var people = new[] { 90m, 95m, 100m, 120m, 30m }
            .Select(hours => new PersonRecords(Guid.NewGuid(), current, [new CreditEntry(Guid.NewGuid(), new DateOnly(2025, 5, 1), CreditCategory.Professional, ActivityType.ClassroomTraining, CreditHours.FromHours(hours))]))
            .ToArray();

        var report = WhatIf.Run(draft, 2025, people, new DateOnly(2026, 11, 28));

        Assert.Equal(5, report.People);
        Assert.Equal(2, report.NewlyNotMet);
        Assert.Equal(0, report.NewlyMet);
        Assert.Equal([people[0].PersonId, people[1].PersonId], report.Changes.Select(c => c.PersonId));
        Assert.All(report.Changes, c => Assert.Equal((ComplianceStatus.Met, ComplianceStatus.NotMet), (c.Before, c.After)));
    }
}
