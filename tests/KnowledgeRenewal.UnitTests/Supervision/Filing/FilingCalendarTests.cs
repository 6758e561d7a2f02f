using KnowledgeRenewal.Supervision.Domain.Filings;
using KnowledgeRenewal.Supervision.Domain.Reminders;

namespace KnowledgeRenewal.UnitTests.Supervision.Filing;

public sealed class FilingCalendarTests
{
    private static readonly FilingOptions December10 = new();

    [Fact]
    public void The_due_day_itself_is_on_time_and_the_day_after_is_late()
    {
        Assert.Equal(new DateOnly(2026, 12, 10), FilingCalendar.Due(December10, 2026));
        Assert.False(FilingCalendar.IsLate(December10, 2026, new DateOnly(2026, 12, 9)));
        Assert.False(FilingCalendar.IsLate(December10, 2026, new DateOnly(2026, 12, 10)));
        Assert.True(FilingCalendar.IsLate(December10, 2026, new DateOnly(2026, 12, 11)));
    }

    [Fact]
    public void The_date_is_configuration()
    {
        var november30 = new FilingOptions { DueMonth = 11, DueDay = 30 };
        Assert.True(FilingCalendar.IsLate(november30, 2026, new DateOnly(2026, 12, 1)));
        Assert.Empty(november30.Check());
        Assert.NotEmpty(new FilingOptions { DueMonth = 2, DueDay = 30 }.Check());
        Assert.NotEmpty(new FilingOptions { DueMonth = 13 }.Check());
    }

    [Theory]
    [InlineData(12, 10, null, FilingState.NotStarted)]
    [InlineData(12, 11, null, FilingState.Missing)]
    [InlineData(12, 11, BaseFilingStatus.Submitted, FilingState.Submitted)]
    [InlineData(12, 11, BaseFilingStatus.Returned, FilingState.Returned)]
    [InlineData(12, 1, BaseFilingStatus.Accepted, FilingState.Accepted)]
    public void A_base_without_a_filing_is_missing_only_after_the_due_date(int month, int day, BaseFilingStatus? status, FilingState expected)
    {
        var state = FilingCalendar.State(December10, 2026, new DateOnly(2026, month, day), status);
        Assert.Equal(expected, state);
        Assert.Equal(expected is FilingState.Missing or FilingState.Returned, FilingCalendar.Flagged(state));
    }

    [Fact]
    public void A_filing_needs_every_figure_and_a_budget_in_range()
    {
        var errors = FilingRules.Validate(new FilingInput { Execution = " ", PlannedClasses = -1, BudgetFen = FilingRules.MaxBudgetFen + 1 });
        Assert.Contains(errors, e => e.Field == "execution" && e.Code == "required");
        Assert.Contains(errors, e => e.Field == "plannedClasses" && e.Code == "out_of_range");
        Assert.Contains(errors, e => e.Field == "budgetFen" && e.Code == "out_of_range");
        Assert.Contains(errors, e => e.Field == "targetTrainees" && e.Code == "required");
        Assert.DoesNotContain(errors, e => e.Message.Contains("不能", StringComparison.Ordinal));
        Assert.Empty(FilingRules.Validate(new FilingInput
        {
            Execution = "完成", ClassesHeld = 1, PeopleTrained = 1, PlannedClasses = 1, PlannedSubjects = "公需科目", TargetTrainees = 1000, BudgetFen = 0,
        }));
    }

    [Fact]
    public void Only_returned_filings_are_resubmitted_and_only_submitted_ones_decided()
    {
        Assert.True(FilingRules.MayResubmit(BaseFilingStatus.Returned));
        Assert.False(FilingRules.MayResubmit(BaseFilingStatus.Submitted));
        Assert.False(FilingRules.MayResubmit(BaseFilingStatus.Accepted));
        Assert.True(FilingRules.MayDecide(BaseFilingStatus.Submitted));
        Assert.False(FilingRules.MayDecide(BaseFilingStatus.Returned));
    }

    [Theory]
    [InlineData(12, 2, 7, false)]
    [InlineData(12, 3, 7, true)]
    [InlineData(12, 11, 7, true)]
    [InlineData(12, 9, 0, false)]
    [InlineData(12, 10, 0, true)]
    public void A_reminder_is_due_from_its_lead_days_before_the_deadline(int month, int day, int lead, bool due) =>
        Assert.Equal(due, ReminderRules.IsDue(new DateOnly(2026, month, day), new DateOnly(2026, 12, 10), lead));
}
