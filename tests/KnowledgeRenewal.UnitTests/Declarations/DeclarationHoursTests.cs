using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;

namespace KnowledgeRenewal.UnitTests.Declarations;

/// <summary>The hours of a declared activity per rule: which activities count, per item or by amount, units, category and class.</summary>
public sealed class DeclarationHoursTests
{
    private static readonly RuleBook Platform = new(PlatformCreditRules.Scope, PlatformCreditRules.RuleSets);
    private static readonly RuleBook Health = new("health", new HealthModule().RuleSets);
    private static readonly RuleBook Education = new("education", new EducationModule().RuleSets);
    private static readonly DateOnly Day = new(2025, 6, 30);

    [Fact]
    public void Health_credits_papers_per_item_in_credits_and_converts_three_hours_a_credit()
    {
        var credit = DeclarationHours.Compute(Health, Declared(ActivityType.AcademicPaper, items: 2));

        Assert.Equal(36m, credit.Hours.Hours); // 2 papers × 6 学分 × 3 学时
        Assert.Equal(12m, credit.EnteredAmount);
        Assert.Equal(CreditUnit.Credit, credit.EnteredUnit);
        Assert.True(credit.PerItem);
        Assert.Equal(HealthCreditRules.ClassII, credit.CreditClass);
        Assert.Equal(CreditCategory.Professional, credit.Category);
        Assert.Equal(36m, credit.YearlyCap!.Value.Hours); // 12 学分 a year
    }

    [Fact]
    public void Health_converts_claimed_credits_exactly_and_takes_hours_as_they_are()
    {
        var credits = DeclarationHours.Compute(Health, Declared(ActivityType.AcademicConference, amount: 1.33m, unit: CreditUnit.Credit));
        var hours = DeclarationHours.Compute(Health, Declared(ActivityType.AcademicConference, amount: 7.5m, unit: CreditUnit.Hour));

        Assert.Equal(3.99m, credits.Hours.Hours);
        Assert.Equal((1.33m, CreditUnit.Credit), (credits.EnteredAmount, credits.EnteredUnit));
        Assert.Equal(7.5m, hours.Hours.Hours);
        Assert.Equal(CreditUnit.Hour, hours.EnteredUnit);
        Assert.Equal(HealthCreditRules.ClassII, credits.CreditClass);
        Assert.False(credits.PerItem);
    }

    [Fact]
    public void Health_puts_approved_project_seminars_in_class_one()
    {
        var credit = DeclarationHours.Compute(Health, Declared(ActivityType.AdvancedSeminar, amount: 2m, unit: CreditUnit.Credit));

        Assert.Equal(HealthCreditRules.ClassI, credit.CreditClass);
        Assert.Equal(6m, credit.Hours.Hours);
        Assert.Null(credit.YearlyCap);
    }

    [Fact]
    public void An_activity_the_rule_set_does_not_list_is_refused_naming_the_rule_set()
    {
        var problem = Assert.Throws<LedgerException>(() => DeclarationHours.Compute(Health, Declared(ActivityType.Patent, items: 1)));

        Assert.Equal(LedgerProblemCodes.ActivityNotCounted, problem.Code);
        Assert.Equal(400, problem.Status);
        Assert.Contains("继续医学教育（年度学分制）", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("专利", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("activity", Assert.Single(problem.Errors).Field);
    }

    [Fact]
    public void The_platform_rule_credits_patents_per_item_in_hours()
    {
        var credit = DeclarationHours.Compute(Platform, Declared(ActivityType.Patent, items: 3));

        Assert.Equal(60m, credit.Hours.Hours);
        Assert.Equal((60m, CreditUnit.Hour), (credit.EnteredAmount, credit.EnteredUnit));
        Assert.Null(credit.CreditClass);
        Assert.Equal(40m, credit.YearlyCap!.Value.Hours);
    }

    [Fact]
    public void Education_credits_lessons_per_item_and_conferences_by_hours()
    {
        var lessons = DeclarationHours.Compute(Education, Declared(ActivityType.Lecturing, items: 2));
        var conference = DeclarationHours.Compute(Education, Declared(ActivityType.AcademicConference, amount: 12.25m));

        Assert.Equal(12m, lessons.Hours.Hours);
        Assert.True(lessons.PerItem);
        Assert.Equal(12.25m, conference.Hours.Hours);
        Assert.False(conference.PerItem);
    }

    [Fact]
    public void A_per_item_activity_needs_items_and_a_by_hours_activity_an_amount()
    {
        var noItems = Assert.Throws<LedgerException>(() => DeclarationHours.Compute(Platform, Declared(ActivityType.AcademicPaper, amount: 20m)));
        var noAmount = Assert.Throws<LedgerException>(() => DeclarationHours.Compute(Platform, Declared(ActivityType.AcademicConference, items: 2)));

        Assert.Equal(("items", "items_required"), (Assert.Single(noItems.Errors).Field, noItems.Errors[0].Code));
        Assert.Equal(("claimedAmount", "amount_required"), (Assert.Single(noAmount.Errors).Field, noAmount.Errors[0].Code));
        Assert.All([noItems, noAmount], p => Assert.Equal(LedgerProblemCodes.InvalidHours, p.Code));
    }

    [Fact]
    public void Credits_are_refused_where_the_rule_set_counts_in_hours()
    {
        var problem = Assert.Throws<LedgerException>(() => DeclarationHours.Compute(Platform, Declared(ActivityType.AcademicConference, amount: 2m, unit: CreditUnit.Credit)));

        Assert.Equal("claimedUnit", Assert.Single(problem.Errors).Field);
    }

    [Fact]
    public void Amounts_beyond_one_record_are_refused()
    {
        var problem = Assert.Throws<LedgerException>(() => DeclarationHours.Compute(Platform, Declared(ActivityType.FurtherStudy, amount: 1000.01m)));

        Assert.Equal(("claimedAmount", "invalid_hours"), (Assert.Single(problem.Errors).Field, problem.Errors[0].Code));
    }

    [Fact]
    public void Category_and_class_come_from_the_activity_rule_else_from_the_person()
    {
        var publicRule = TestRuleSets.Valid() with
        {
            Activities = [new ActivityRule { Activity = ActivityType.Lecturing, Category = CreditCategory.Public, CreditClass = "X" }],
        };
        var open = TestRuleSets.Valid() with { Activities = [] };

        var fromRule = DeclarationHours.Compute(new RuleBook("test", [publicRule]), Declared(ActivityType.Lecturing, amount: 4m, category: CreditCategory.Professional));
        var fromPerson = DeclarationHours.Compute(new RuleBook("test", [open]), Declared(ActivityType.Patent, amount: 4m, category: CreditCategory.Public));
        var byDefault = DeclarationHours.Compute(new RuleBook("test", [open]), Declared(ActivityType.Patent, amount: 4m));
        var platformConference = DeclarationHours.Compute(Platform, Declared(ActivityType.AcademicConference, amount: 4m, category: CreditCategory.Public));

        Assert.Equal((CreditCategory.Public, "X"), (fromRule.Category, fromRule.CreditClass));
        Assert.Equal((CreditCategory.Public, (string?)null), (fromPerson.Category, fromPerson.CreditClass));
        Assert.Null(fromPerson.Rule);
        Assert.Equal(CreditCategory.Professional, byDefault.Category);
        Assert.Equal(CreditCategory.Professional, platformConference.Category);
    }

    [Fact]
    public void The_rule_set_in_force_on_the_last_day_applies()
    {
        var early = TestRuleSets.Valid(new DateOnly(2024, 1, 1), "旧规则");
        var late = TestRuleSets.Valid(new DateOnly(2025, 7, 1), "新规则") with
        {
            Activities = [new ActivityRule { Activity = ActivityType.AcademicPaper, CreditPerItem = 10m }],
        };
        var book = new RuleBook("test", [early, late]);

        var before = DeclarationHours.Compute(book, Declared(ActivityType.AcademicPaper, items: 1, end: new DateOnly(2025, 6, 30)));
        var after = DeclarationHours.Compute(book, Declared(ActivityType.AcademicPaper, items: 1, end: new DateOnly(2025, 7, 1)));
        var none = Assert.Throws<LedgerException>(() => DeclarationHours.Compute(book, Declared(ActivityType.AcademicPaper, items: 1, end: new DateOnly(2023, 12, 31))));

        Assert.Equal(("旧规则", 20m), (before.RuleSet.Title, before.Hours.Hours));
        Assert.Equal(("新规则", 10m), (after.RuleSet.Title, after.Hours.Hours));
        Assert.Equal(DeclarationProblemCodes.NoRuleSet, none.Code);
        Assert.Equal("endDate", Assert.Single(none.Errors).Field);
    }

    private static DeclaredActivity Declared(
        ActivityType activity,
        int? items = null,
        decimal? amount = null,
        CreditUnit unit = CreditUnit.Hour,
        CreditCategory? category = null,
        DateOnly? end = null) =>
        new(activity, "测试活动", "测试主办单位", null, (end ?? Day).AddDays(-1), end ?? Day, category, null, items, amount, unit);
}
