namespace KnowledgeRenewal.Programs.Domain;

/// <summary>Settings of program projects (section <c>Projects</c>).</summary>
public sealed class ProjectOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Projects";

    /// <summary>Working days of the public notice (公示期), at least 1; the seed's practice is 5.</summary>
    public int NoticeWorkingDays { get; set; } = 5;

    /// <summary>Public objections accepted per client address per minute (beyond: 429).</summary>
    public int ObjectionsPerMinute { get; set; } = 5;

    /// <summary>
    /// Working days a project may stay in a state before it is overdue, per state (e.g. <c>Projects:Deadlines:Submitted=10</c>);
    /// states without an entry have no deadline.
    /// </summary>
    public Dictionary<ProjectStatus, int> Deadlines { get; set; } = [];

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (NoticeWorkingDays is < 1 or > 60)
        {
            problems.Add("Projects:NoticeWorkingDays must be between 1 and 60.");
        }

        if (ObjectionsPerMinute is < 1 or > 1000)
        {
            problems.Add("Projects:ObjectionsPerMinute must be between 1 and 1000.");
        }

        foreach (var (status, days) in Deadlines)
        {
            if (days is < 1 or > 365)
            {
                problems.Add($"Projects:Deadlines:{status} must be between 1 and 365 working days.");
            }
        }

        return problems;
    }
}
