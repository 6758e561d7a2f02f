using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Programs.Domain;

namespace KnowledgeRenewal.UnitTests.Rosters;

/// <summary>The field and state rules of training classes.</summary>
public sealed class RosterClassRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static readonly TrainingClassInput Good = new()
    {
        Title = "  急诊急救技能提升班  ",
        StartDate = new DateOnly(2026, 5, 11),
        EndDate = new DateOnly(2026, 5, 13),
        Hours = 24,
        Category = "专业",
        SubjectCode = "ws-jzjj",
        Activity = "面授培训",
        Mode = "线上线下结合",
        DepartmentCode = "health",
    };

    [Fact]
    public void A_good_class_is_trimmed_and_parsed()
    {
        var (valid, errors) = RosterClassRules.Validate(Good, Today);

        Assert.Empty(errors);
        Assert.NotNull(valid);
        Assert.Equal(("急诊急救技能提升班", CreditHours.FromHours(24), CreditCategory.Professional, "WS-JZJJ", ActivityType.ClassroomTraining, DeliveryMode.Mixed, "health", (string?)null),
            (valid.Title, valid.Hours, valid.Category, valid.SubjectCode, valid.Activity, valid.Mode, valid.DepartmentCode, valid.RegionCode));
    }

    [Theory]
    [InlineData("Public", CreditCategory.Public)]
    [InlineData("公需科目", CreditCategory.Public)]
    [InlineData("professional", CreditCategory.Professional)]
    public void Categories_are_read_in_Chinese_or_English(string text, CreditCategory expected)
    {
        Assert.True(RosterClassRules.TryParseCategory(text, out var category));
        Assert.Equal(expected, category);
        Assert.False(RosterClassRules.TryParseCategory("1", out _));
    }

    [Fact]
    public void Every_bad_field_is_named_in_Chinese()
    {
        var input = new TrainingClassInput
        {
            Title = "",
            StartDate = new DateOnly(2026, 5, 13),
            EndDate = new DateOnly(2026, 5, 11),
            Hours = 0,
            Category = "选修",
            Activity = "专利",
            Mode = "函授",
        };

        var (valid, errors) = RosterClassRules.Validate(input, Today);

        Assert.Null(valid);
        Assert.Equal(
            [("title", "required"), ("endDate", "date.order"), ("hours", LedgerProblemCodes.InvalidHours), ("category", "category.invalid"), ("activity", "activity.invalid"), ("mode", "mode.invalid")],
            errors.Select(e => (e.Field, e.Code)).ToList());
        Assert.All(errors, e => Assert.Contains($"（{e.Field}）", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 10, true)]
    [InlineData(1, 10.01, false)]
    [InlineData(3, 30, true)]
    [InlineData(3, 30.5, false)]
    public void Hours_fit_the_days_at_most_ten_a_day(int days, double hours, bool ok)
    {
        var input = Good with { EndDate = Good.StartDate!.Value.AddDays(days - 1), Hours = (decimal)hours };

        var (valid, errors) = RosterClassRules.Validate(input, Today);

        Assert.Equal(ok, valid is not null);
        if (!ok)
        {
            Assert.Equal(("hours", "hours.above_days"), (errors[0].Field, errors[0].Code));
        }
    }

    [Fact]
    public void Absurd_dates_are_refused()
    {
        Assert.Equal("startDate", RosterClassRules.Validate(Good with { StartDate = new DateOnly(1999, 12, 31) }, Today).Errors.Single().Field);
        Assert.Equal("endDate", RosterClassRules.Validate(Good with { EndDate = Today.AddYears(2).AddDays(1) }, Today).Errors.Single().Field);
        Assert.Equal("date.out_of_range", RosterClassRules.Validate(Good with { StartDate = new DateOnly(2024, 1, 1), Hours = 100 }, Today).Errors.Single().Code);
        Assert.Equal("required", RosterClassRules.Validate(Good with { StartDate = null }, Today).Errors.Single().Code);
    }

    [Fact]
    public void A_class_finishes_only_after_its_last_day_and_only_from_planned()
    {
        var planned = new TrainingClass { Title = "班", StartDate = new DateOnly(2026, 6, 28), EndDate = Today, Hours = CreditHours.FromHours(8) };

        var early = Assert.Throws<PlatformException>(() => RosterClassRules.Finish(planned, Today));
        Assert.Equal((RosterProblemCodes.ClassNotEnded, 409), (early.Code, early.Status));

        RosterClassRules.Finish(planned, Today.AddDays(1));
        Assert.Equal(TrainingClassStatus.Finished, planned.Status);
        Assert.Equal(RosterProblemCodes.ClassInvalidTransition, Assert.Throws<PlatformException>(() => RosterClassRules.Cancel(planned)).Code);
        Assert.Equal(RosterProblemCodes.ClassInvalidTransition, Assert.Throws<PlatformException>(() => RosterClassRules.Finish(planned, Today.AddDays(2))).Code);
        Assert.NotNull(RosterClassRules.CheckEditable(planned.Status));
        Assert.Null(RosterClassRules.CheckEditable(TrainingClassStatus.Planned));
    }
}
