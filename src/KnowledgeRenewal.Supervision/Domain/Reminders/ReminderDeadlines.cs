using KnowledgeRenewal.Kernel.Time;

namespace KnowledgeRenewal.Supervision.Domain.Reminders;

/// <summary>
/// When the deadlines of the reminder sources fall and when their reminders are due (China time): a project's
/// workflow step (the working days allowed in its state, <c>Projects:Deadlines</c>), a public notice period's last
/// day, and the end of a credit-hour cycle for people still short of their hours (the last quarter of its final year).
/// </summary>
public static class ReminderDeadlines
{
    /// <summary>The first month of the last quarter: from October 1 people short of their hours are reminded.</summary>
    public const int LastQuarterFirstMonth = 10;

    /// <summary>The last working day a project may stay in a state it entered on <paramref name="since"/> (<paramref name="workingDays"/> allowed).</summary>
    public static DateOnly StepDue(DateOnly since, int workingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(since, workingDays);
    }

    /// <summary>Whether a step due on <paramref name="due"/> is reminded on <paramref name="today"/>: from <paramref name="leadDays"/> days before, and after it while it is still not done.</summary>
    public static bool IsStepReminded(DateOnly today, DateOnly due, int leadDays) => ReminderRules.IsDue(today, due, leadDays);

    /// <summary>Whether a public notice ending on <paramref name="end"/> is reminded on <paramref name="today"/>: from <paramref name="leadDays"/> days before its last day to that day (once it has ended, the project's step deadline takes over).</summary>
    public static bool IsNoticeEndingReminded(DateOnly today, DateOnly end, int leadDays) =>
        ReminderRules.IsDue(today, end, leadDays) && today <= end;

    /// <summary>The last day of a credit-hour cycle ending in <paramref name="cycleEndYear"/>.</summary>
    public static DateOnly CycleEnd(int cycleEndYear) => new(cycleEndYear, 12, 31);

    /// <summary>Whether someone still short of hours in a cycle ending in <paramref name="cycleEndYear"/> is reminded on <paramref name="today"/>: in the last quarter (October to December) of that year.</summary>
    public static bool IsHoursShortReminded(DateOnly today, int cycleEndYear) =>
        today.Year == cycleEndYear && today.Month >= LastQuarterFirstMonth;
}
