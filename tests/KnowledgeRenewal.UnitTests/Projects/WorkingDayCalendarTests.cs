using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;

namespace KnowledgeRenewal.UnitTests.Projects;

/// <summary>Working days in China Standard Time: weekends, public holidays, adjusted working days (调休), year ends.</summary>
public sealed class WorkingDayCalendarTests
{
    /// <summary>The 2025 and 2026 arrangements of the State Council (as in the host's appsettings.json).</summary>
    public static WorkingDayCalendar Calendar() => new(new WorkingDayOptions
    {
        Holidays =
        [
            .. Days("2025-01-01", "2025-01-01"), .. Days("2025-01-28", "2025-02-04"), .. Days("2025-04-04", "2025-04-06"), .. Days("2025-05-01", "2025-05-05"),
            .. Days("2025-05-31", "2025-06-02"), .. Days("2025-10-01", "2025-10-08"),
            .. Days("2026-01-01", "2026-01-03"), .. Days("2026-02-15", "2026-02-23"), .. Days("2026-04-04", "2026-04-06"), .. Days("2026-05-01", "2026-05-05"),
            .. Days("2026-06-19", "2026-06-21"), .. Days("2026-09-25", "2026-09-27"), .. Days("2026-10-01", "2026-10-07"),
        ],
        AdjustedWorkingDays = [.. new[] { "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" }.Select(D)],
    });

    [Theory]
    [InlineData("2025-03-07", 5, "2025-03-07", "2025-03-13")] // Friday: skips the weekend
    [InlineData("2025-03-08", 5, "2025-03-10", "2025-03-14")] // posted on a Saturday: starts Monday
    [InlineData("2025-09-30", 5, "2025-09-30", "2025-10-13")] // National Day: 9-30, 10-9, 10-10, 10-11 (调休 Saturday), 10-13
    [InlineData("2025-09-27", 1, "2025-09-28", "2025-09-28")] // the adjusted Sunday is the first working day
    [InlineData("2025-12-29", 5, "2025-12-29", "2026-01-05")] // across the year: New Year 1-1..1-3 off, Sunday 1-4 worked
    [InlineData("2026-02-13", 3, "2026-02-13", "2026-02-24")] // Spring Festival: Sat 2-14 worked, 2-15..2-23 off
    [InlineData("2026-12-30", 5, "2026-12-30", "2027-01-05")] // into a year without configured holidays: weekends only
    public void A_notice_period_counts_working_days(string from, int days, string start, string end)
    {
        Assert.Equal((D(start), D(end)), Calendar().Period(D(from), days));
    }

    [Fact]
    public void Weekends_holidays_and_adjusted_days_are_told_apart()
    {
        var calendar = Calendar();
        Assert.True(calendar.IsWorkingDay(D("2025-03-07")));
        Assert.False(calendar.IsWorkingDay(D("2025-03-08")));
        Assert.False(calendar.IsWorkingDay(D("2025-10-03")));
        Assert.True(calendar.IsWorkingDay(D("2025-10-11")));
        Assert.False(calendar.IsWorkingDay(D("2026-02-16")));
        Assert.True(calendar.IsWorkingDay(D("2026-02-28")));
        Assert.True(new WorkingDayCalendar(new WorkingDayOptions()).IsWorkingDay(D("2025-10-03")));
    }

    [Fact]
    public void Deadlines_add_and_count_working_days_after_a_day()
    {
        var calendar = Calendar();
        Assert.Equal(D("2025-10-10"), calendar.AddWorkingDays(D("2025-09-29"), 3)); // 9-30, 10-9, 10-10
        Assert.Equal(D("2025-09-29"), calendar.AddWorkingDays(D("2025-09-29"), 0));
        Assert.Equal(3, calendar.WorkingDaysBetween(D("2025-09-29"), D("2025-10-10")));
        Assert.Equal(0, calendar.WorkingDaysBetween(D("2025-10-10"), D("2025-10-01")));
        Assert.Equal(2, calendar.WorkingDaysBetween(D("2025-12-31"), D("2026-01-05"))); // Sunday 1-4 and Monday 1-5
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Period(D("2025-01-01"), 0));
    }

    [Fact]
    public void A_day_both_holiday_and_adjusted_or_an_adjusted_weekday_is_refused()
    {
        var problems = new WorkingDayOptions { Holidays = [D("2025-10-11")], AdjustedWorkingDays = [D("2025-10-11"), D("2025-10-09")] }.Check();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("2025-10-11", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("2025-10-09", StringComparison.Ordinal));
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Days(string from, string to)
    {
        for (var day = D(from); day <= D(to); day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
