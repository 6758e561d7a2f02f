using System.Security.Cryptography;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Supervision.Domain;

/// <summary>Stable problem codes of complaints.</summary>
public static class ComplaintProblemCodes
{
    /// <summary>No such complaint (or outside the caller's scope, or a lookup code that matches none).</summary>
    public const string NotFound = "supervision.complaint_not_found";

    /// <summary>The object named does not exist (or several match).</summary>
    public const string UnknownObject = "supervision.complaint_object_unknown";

    /// <summary>The complaint is closed (resolved or referred).</summary>
    public const string Closed = "supervision.complaint_closed";

    /// <summary>Referring a complaint already assigned.</summary>
    public const string AlreadyAssigned = "supervision.complaint_assigned";

    /// <summary>Resolving a complaint nobody was assigned.</summary>
    public const string NotAssigned = "supervision.complaint_not_assigned";

    /// <summary>Assigning to an organization that is not a county bureau or line department.</summary>
    public const string InvalidAssignee = "supervision.complaint_assignee";

    /// <summary>Acting on a complaint that is not the caller's to act on.</summary>
    public const string NotYours = "supervision.complaint_not_yours";
}

/// <summary>Deadlines of the complaint stages (section <c>Complaints</c>), in working days of the platform's calendar.</summary>
public sealed class ComplaintOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Complaints";

    /// <summary>Working days the program office has to assign or refer a complaint after it is filed.</summary>
    public int AssignWithinWorkingDays { get; set; } = 5;

    /// <summary>Working days the assignee has to resolve it after it is assigned.</summary>
    public int ResolveWithinWorkingDays { get; set; } = 15;

    /// <summary>Public filings and lookups per client address per minute.</summary>
    public int PublicRequestsPerMinute { get; set; } = 10;

    /// <summary>The settings' problems (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (AssignWithinWorkingDays is < 1 or > 60)
        {
            problems.Add($"{Section}:AssignWithinWorkingDays must be between 1 and 60 working days.");
        }

        if (ResolveWithinWorkingDays is < 1 or > 120)
        {
            problems.Add($"{Section}:ResolveWithinWorkingDays must be between 1 and 120 working days.");
        }

        if (PublicRequestsPerMinute is < 1 or > 10_000)
        {
            problems.Add($"{Section}:PublicRequestsPerMinute must be between 1 and 10000.");
        }

        return problems;
    }
}

/// <summary>
/// The complaint rules that need no database: each stage's deadline counted in working days (holidays and 调休 from the
/// platform's calendar, as the project workflow's deadlines), how late a complaint is, and the states that can act.
/// </summary>
public static class ComplaintRules
{
    /// <summary>The last working day to assign a complaint filed on <paramref name="filedOn"/>.</summary>
    public static DateOnly AssignBy(WorkingDayCalendar calendar, ComplaintOptions options, DateOnly filedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        return calendar.AddWorkingDays(filedOn, options.AssignWithinWorkingDays);
    }

    /// <summary>The last working day to resolve a complaint assigned on <paramref name="assignedOn"/>.</summary>
    public static DateOnly ResolveBy(WorkingDayCalendar calendar, ComplaintOptions options, DateOnly assignedOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        return calendar.AddWorkingDays(assignedOn, options.ResolveWithinWorkingDays);
    }

    /// <summary>Working days past <paramref name="dueOn"/> on <paramref name="today"/> (0 when not past it or no deadline).</summary>
    public static int WorkingDaysOverdue(WorkingDayCalendar calendar, DateOnly? dueOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return dueOn is { } due && today > due ? Math.Max(0, calendar.WorkingDaysBetween(due, today)) : 0;
    }

    /// <summary>Whether a complaint in <paramref name="status"/> with <paramref name="dueOn"/> is overdue on <paramref name="today"/> (escalated to the program office).</summary>
    public static bool IsOverdue(ComplaintStatus status, DateOnly? dueOn, DateOnly today) =>
        status is ComplaintStatus.Received or ComplaintStatus.Assigned && dueOn is { } due && today > due;

    /// <summary>Refuses acting on a closed complaint (409).</summary>
    public static void RequireOpen(ComplaintStatus status)
    {
        if (status is ComplaintStatus.Resolved or ComplaintStatus.Referred)
        {
            throw Refused(ComplaintProblemCodes.Closed, "投诉已办结", "该投诉已办结或已转办，不再办理。");
        }
    }

    /// <summary>A 409 refusal.</summary>
    public static PlatformException Refused(string code, string title, string detail) => new(code, 409, title, detail);
}

/// <summary>
/// Lookup codes: <c>TS</c> + 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), grouped
/// <c>TS-7KQ4-MX9R-2B</c> — about 50 bits, drawn by a cryptographic generator, so a code cannot be guessed.
/// </summary>
public static class ComplaintCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A new code.</summary>
    public static string New()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"TS-{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    /// <summary>A code as typed (spaces, lower case, missing hyphens) in its canonical form, or null when it cannot be one.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var raw = new string([.. text.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        if (raw.StartsWith("TS", StringComparison.Ordinal))
        {
            raw = raw[2..];
        }

        return raw.Length == 10 && raw.All(Alphabet.Contains) ? $"TS-{raw[..4]}-{raw[4..8]}-{raw[8..]}" : null;
    }
}

/// <summary>Complaint words for people.</summary>
public static class ComplaintLabels
{
    /// <summary>A state.</summary>
    public static string Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => "待分派",
        ComplaintStatus.Assigned => "办理中",
        ComplaintStatus.Referred => "已转办",
        ComplaintStatus.Resolved => "已办结",
        _ => status.ToString(),
    };

    /// <summary>A finding.</summary>
    public static string Finding(ComplaintFinding finding) => finding switch
    {
        ComplaintFinding.Substantiated => "属实",
        ComplaintFinding.PartlySubstantiated => "部分属实",
        ComplaintFinding.NotSubstantiated => "不属实",
        _ => finding.ToString(),
    };

    /// <summary>An object kind.</summary>
    public static string Kind(SupervisedObjectKind kind) => kind switch
    {
        SupervisedObjectKind.Project => "项目",
        SupervisedObjectKind.Class => "培训班",
        SupervisedObjectKind.Provider => "培训机构",
        SupervisedObjectKind.Base => "继续教育基地",
        _ => kind.ToString(),
    };
}

/// <summary>Who handles complaints.</summary>
public static class ComplaintAccess
{
    /// <summary>Who reads complaints (the program office all; county bureaus and line departments those assigned to them).</summary>
    public static readonly string[] Readers = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>Who assigns and refers.</summary>
    public static readonly string[] Dispatchers = [PlatformRoles.ProgramOfficeAdmin];

    /// <summary>Whether the caller may resolve a complaint assigned to <paramref name="regionCode"/> / <paramref name="departmentCode"/>.</summary>
    public static bool MayResolve(bool programOffice, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> scopeRegions, IReadOnlyCollection<string> scopeDepartments, string? regionCode, string? departmentCode)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(scopeRegions);
        ArgumentNullException.ThrowIfNull(scopeDepartments);
        return programOffice
            || (roles.Contains(PlatformRoles.CountyAdmin) && regionCode is not null && scopeRegions.Contains(regionCode))
            || (roles.Contains(PlatformRoles.DepartmentAdmin) && departmentCode is not null && scopeDepartments.Contains(departmentCode));
    }
}
