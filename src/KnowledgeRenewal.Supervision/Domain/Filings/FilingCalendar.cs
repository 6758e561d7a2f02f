namespace KnowledgeRenewal.Supervision.Domain.Filings;

/// <summary>The filing's settings (section <c>Supervision:Filing</c>): the due date of every year, December 10 by default.</summary>
public sealed class FilingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Supervision:Filing";

    /// <summary>The due month (1–12).</summary>
    public int DueMonth { get; set; } = 12;

    /// <summary>The due day of the month.</summary>
    public int DueDay { get; set; } = 10;

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (DueMonth is < 1 or > 12)
        {
            problems.Add("DueMonth must be 1 to 12.");
        }
        else if (DueDay < 1 || DueDay > DateTime.DaysInMonth(KnowledgeRenewal.Sdk.ProgramPeriod.FirstYear, DueMonth))
        {
            problems.Add("DueDay must be a day of DueMonth (not February 29).");
        }

        return problems;
    }
}

/// <summary>How a base's filing of a year stands for people (the task list's words).</summary>
public enum FilingState
{
    /// <summary>Not filed, the due date not passed (未开始).</summary>
    NotStarted = 0,

    /// <summary>Not filed and the due date passed (逾期未报送) — flagged.</summary>
    Missing = 1,

    /// <summary>Submitted, waiting (待审核).</summary>
    Submitted = 2,

    /// <summary>Returned, to be corrected (已退回，需修改) — flagged.</summary>
    Returned = 3,

    /// <summary>Accepted (已接收).</summary>
    Accepted = 4,
}

/// <summary>The filing's dates and states: due on the configured day of each year; late after it; missing past it.</summary>
public static class FilingCalendar
{
    /// <summary>The due date of <paramref name="year"/>'s filing.</summary>
    public static DateOnly Due(FilingOptions options, int year)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DateOnly(year, options.DueMonth, options.DueDay);
    }

    /// <summary>Whether a filing first submitted on <paramref name="submittedOn"/> is late (after the due date; the due day itself is on time).</summary>
    public static bool IsLate(FilingOptions options, int year, DateOnly submittedOn) => submittedOn > Due(options, year);

    /// <summary>The state of a base's filing of <paramref name="year"/> on <paramref name="today"/> (its status, or none filed).</summary>
    public static FilingState State(FilingOptions options, int year, DateOnly today, BaseFilingStatus? status) => status switch
    {
        BaseFilingStatus.Submitted => FilingState.Submitted,
        BaseFilingStatus.Accepted => FilingState.Accepted,
        BaseFilingStatus.Returned => FilingState.Returned,
        _ => today > Due(options, year) ? FilingState.Missing : FilingState.NotStarted,
    };

    /// <summary>The state in words.</summary>
    public static string Label(FilingState state) => state switch
    {
        FilingState.NotStarted => "未开始",
        FilingState.Missing => "逾期未报送",
        FilingState.Submitted => "待审核",
        FilingState.Returned => "已退回，需修改",
        FilingState.Accepted => "已接收",
        _ => state.ToString(),
    };

    /// <summary>Whether the state is flagged (shown as a problem).</summary>
    public static bool Flagged(FilingState state) => state is FilingState.Missing or FilingState.Returned;
}
