using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Rosters;

/// <summary>The overlap arithmetic of rosters: hours per day of each class, summed per day across providers.</summary>
public sealed class RosterOverlapTests
{
    private static readonly CreditHours Limit = LedgerRules.MaxHoursPerDay;

    [Theory]
    [InlineData(24, 3, 8)]        // 24 h over 3 days
    [InlineData(10, 3, 3.34)]     // 3.333… rounds up to 3.34
    [InlineData(7.5, 1, 7.5)]
    [InlineData(40, 5, 8)]
    public void A_class_spreads_its_hours_evenly_over_its_days_rounded_up(decimal hours, int days, decimal perDay)
    {
        var start = new DateOnly(2025, 3, 3);
        var trainingClass = Class(start, start.AddDays(days - 1), hours);

        Assert.Equal(days, trainingClass.Days);
        Assert.Equal(CreditHours.FromHours(perDay), trainingClass.HoursPerDay);
    }

    [Fact]
    public void Two_full_days_on_the_same_day_exceed_what_a_day_holds_and_name_the_day_and_the_other_class()
    {
        // This class: 3 days × 8 h. The other provider's: 2 days × 6 h, starting on this class's second day.
        var mine = Class(new DateOnly(2025, 5, 12), new DateOnly(2025, 5, 14), 24);
        var other = Other("济宁学院", "急诊急救技能培训班", new DateOnly(2025, 5, 13), new DateOnly(2025, 5, 14), 12);

        var overload = RosterOverlap.For(mine, [other]);

        Assert.NotNull(overload);
        Assert.Equal(new DateOnly(2025, 5, 13), overload.Day);
        Assert.Equal(CreditHours.FromHours(14), overload.Total);
        Assert.Equal(other, Assert.Single(overload.Others));
        var text = overload.Describe();
        Assert.Contains("2025-05-13", text, StringComparison.Ordinal);
        Assert.Contains("济宁学院《急诊急救技能培训班》", text, StringComparison.Ordinal);
        Assert.Contains("14 学时", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_the_daily_limit_is_not_an_overload()
    {
        var mine = Class(new DateOnly(2025, 5, 12), new DateOnly(2025, 5, 12), 4);
        var other = Other("甲", "乙", new DateOnly(2025, 5, 12), new DateOnly(2025, 5, 12), 6);

        Assert.Null(RosterOverlap.For(mine, [other]));
        Assert.NotNull(RosterOverlap.For(mine, [other with { HoursPerDay = CreditHours.FromHours(6.01m) }]));
    }

    [Fact]
    public void Classes_on_other_days_do_not_count_and_several_classes_on_one_day_add_up()
    {
        var mine = Class(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 6), 20); // 4 h a day, Mon–Fri
        var before = Other("甲", "前一周", new DateOnly(2025, 5, 26), new DateOnly(2025, 6, 1), 70);
        var tuesday = Other("乙", "周二班", new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 3), 4);
        var tuesdayToo = Other("丙", "周二至周三", new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 4), 6);

        Assert.Null(RosterOverlap.For(mine, [before]));
        Assert.Null(RosterOverlap.For(mine, [tuesday]));
        var overload = RosterOverlap.For(mine, [before, tuesday, tuesdayToo]);

        Assert.NotNull(overload);
        Assert.Equal(new DateOnly(2025, 6, 3), overload.Day);
        Assert.Equal(CreditHours.FromHours(11), overload.Total); // 4 + 4 + 3
        Assert.Equal(2, overload.Others.Count);
    }

    [Fact]
    public void The_same_other_class_recorded_twice_counts_once()
    {
        var mine = Class(new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 1), 6);
        var other = Other("甲", "乙", new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 1), 4);

        Assert.Null(RosterOverlap.For(mine, [other, other]));
    }

    [Fact]
    public void A_long_class_with_few_hours_a_day_overloads_no_day()
    {
        var semester = Class(new DateOnly(2025, 2, 17), new DateOnly(2025, 6, 30), 60); // < 1 h a day
        var intensive = Other("甲", "集中培训", new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), 27); // 9 h a day

        Assert.Null(RosterOverlap.For(semester, [intensive]));
    }

    private static TrainingClass Class(DateOnly start, DateOnly end, decimal hours) =>
        new() { Title = "本班次", StartDate = start, EndDate = end, Hours = CreditHours.FromHours(hours) };

    private static OverlappingClass Other(string provider, string title, DateOnly start, DateOnly end, decimal hours) =>
        new(Guid.NewGuid(), title, provider, start, end, Class(start, end, hours).HoursPerDay);
}
