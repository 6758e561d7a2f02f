using KnowledgeRenewal.Kernel;
namespace KnowledgeRenewal.Kernel.Time;

/// <summary>
/// The program's working days (section <c>WorkingDays</c>): Monday to Friday, except configured public holidays,
/// plus configured adjusted working days (调休) that fall on a weekend. Dates are China Standard Time days (see
/// <see cref="ProgramCalendar"/>). Public notice periods and step deadlines are counted in these days.
/// </summary>
public sealed class WorkingDayOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "WorkingDays";

    /// <summary>Public holidays (法定节假日 and the days off around them), as yyyy-MM-dd.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Adjusted working days (调休上班日) — weekend days that are working days, as yyyy-MM-dd.</summary>
    public List<DateOnly> AdjustedWorkingDays { get; set; } = [];

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        var both = Holidays.Intersect(AdjustedWorkingDays).ToArray();
        if (both.Length > 0)
        {
            problems.Add($"WorkingDays: {string.Join(", ", both.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))} cannot be both a holiday and an adjusted working day.");
        }

        var weekdays = AdjustedWorkingDays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();
        if (weekdays.Length > 0)
        {
            problems.Add($"WorkingDays:AdjustedWorkingDays must be weekend days; {string.Join(", ", weekdays.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))} is not.");
        }

        return problems;
    }
}

/// <summary>Working-day arithmetic over <see cref="WorkingDayOptions"/>.</summary>
public sealed class WorkingDayCalendar
{
    // Counting never runs further than this many calendar days (a misconfigured calendar cannot loop forever).
    private const int MaxScan = 3660;

    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> adjusted;

    /// <summary>Creates the calendar.</summary>
    public WorkingDayCalendar(WorkingDayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        holidays = [.. options.Holidays];
        adjusted = [.. options.AdjustedWorkingDays];
    }

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        adjusted.Contains(date) || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date));

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        for (var i = 0; i < MaxScan; i++, date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                return date;
            }
        }

        throw new InvalidOperationException("No working day within ten years: the working-day calendar is misconfigured.");
    }

    /// <summary>The day <paramref name="workingDays"/> working days after <paramref name="date"/> (the day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var counted = 0;
        for (var i = 0; counted < workingDays; i++)
        {
            if (i > MaxScan)
            {
                throw new InvalidOperationException("No working day within ten years: the working-day calendar is misconfigured.");
            }

            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// A period of <paramref name="workingDays"/> working days that begins on <paramref name="from"/> or, when that is
    /// not a working day, on the next working day: its first and last day (both working days, both included).
    /// </summary>
    public (DateOnly Start, DateOnly End) Period(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var start = NextWorkingDayOnOrAfter(from);
        return (start, AddWorkingDays(start, workingDays - 1));
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
