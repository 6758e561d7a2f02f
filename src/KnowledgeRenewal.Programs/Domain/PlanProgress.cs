namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// What happened in a year, counted from the records (never typed in): approved projects by type, region and
/// department (an approved project is one approved, in public notice, published, running, completed or archived), and
/// trainees — distinct professionals with an approved credit record of the year from a class roster — in total, by
/// the type of the project their class belongs to, by their region and by their department.
/// </summary>
public sealed record PlanFacts
{
    /// <summary>Approved projects per type.</summary>
    public IReadOnlyDictionary<ProjectType, int> ProjectsByType { get; init; } = new Dictionary<ProjectType, int>();

    /// <summary>Approved projects per region code.</summary>
    public IReadOnlyDictionary<string, int> ProjectsByRegion { get; init; } = new Dictionary<string, int>();

    /// <summary>Approved projects per department code.</summary>
    public IReadOnlyDictionary<string, int> ProjectsByDepartment { get; init; } = new Dictionary<string, int>();

    /// <summary>Distinct trainees of the year.</summary>
    public int Trainees { get; init; }

    /// <summary>Distinct trainees per project type (through the project of their class).</summary>
    public IReadOnlyDictionary<ProjectType, int> TraineesByType { get; init; } = new Dictionary<ProjectType, int>();

    /// <summary>Distinct trainees per region code (of the record).</summary>
    public IReadOnlyDictionary<string, int> TraineesByRegion { get; init; } = new Dictionary<string, int>();

    /// <summary>Distinct trainees per department code (of the record).</summary>
    public IReadOnlyDictionary<string, int> TraineesByDepartment { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Approved projects per region and project type and per department and project type — read only for the counties'
    /// and departments' plans (<see cref="ForScope"/>); empty otherwise.
    /// </summary>
    public IReadOnlyList<ScopedCount> ScopedProjects { get; init; } = [];

    /// <summary>Distinct trainees per region and project type and per department and project type (as <see cref="ScopedProjects"/>).</summary>
    public IReadOnlyList<ScopedCount> ScopedTrainees { get; init; } = [];

    /// <summary>
    /// The facts of one county (<see cref="PlanScope.Region"/>) or line department: the same counts restricted to the
    /// records and projects of that region or sector (the city's facts for <see cref="PlanScope.City"/>). Needs the
    /// scoped counts (read with them).
    /// </summary>
    public PlanFacts ForScope(PlanScope scope, string code)
    {
        if (scope == PlanScope.City)
        {
            return this;
        }

        var projects = ScopedProjects.Where(c => c.Scope == scope && c.Code == code).ToDictionary(c => c.Type, c => c.Count);
        var trainees = ScopedTrainees.Where(c => c.Scope == scope && c.Code == code).ToDictionary(c => c.Type, c => c.Count);
        var byScope = scope == PlanScope.Region ? ProjectsByRegion : ProjectsByDepartment;
        var traineesByScope = scope == PlanScope.Region ? TraineesByRegion : TraineesByDepartment;
        var projectCount = byScope.GetValueOrDefault(code);
        var traineeCount = traineesByScope.GetValueOrDefault(code);
        return new PlanFacts
        {
            ProjectsByType = projects,
            ProjectsByRegion = scope == PlanScope.Region ? new Dictionary<string, int> { [code] = projectCount } : new Dictionary<string, int>(),
            ProjectsByDepartment = scope == PlanScope.Department ? new Dictionary<string, int> { [code] = projectCount } : new Dictionary<string, int>(),
            Trainees = traineeCount,
            TraineesByType = trainees,
            TraineesByRegion = scope == PlanScope.Region ? new Dictionary<string, int> { [code] = traineeCount } : new Dictionary<string, int>(),
            TraineesByDepartment = scope == PlanScope.Department ? new Dictionary<string, int> { [code] = traineeCount } : new Dictionary<string, int>(),
        };
    }
}

/// <summary>A count of one region's or department's projects or trainees of one project type.</summary>
/// <param name="Scope">Region or department.</param>
/// <param name="Code">Its code.</param>
/// <param name="Type">The project type.</param>
/// <param name="Count">Projects, or distinct trainees.</param>
public sealed record ScopedCount(PlanScope Scope, string Code, ProjectType Type, int Count);

/// <summary>Where a target stands.</summary>
public enum PlanProgressStatus
{
    /// <summary>已完成 — the trainee target (and the project target, if any) is reached.</summary>
    Met = 1,

    /// <summary>进度正常 — at or ahead of the share of the year gone by.</summary>
    OnTrack = 2,

    /// <summary>进度滞后 — behind the share of the year gone by.</summary>
    Behind = 3,

    /// <summary>未完成 — the year is over and the target was missed.</summary>
    Missed = 4,

    /// <summary>未开始 — the year has not begun.</summary>
    NotStarted = 5,
}

/// <summary>One target against what happened.</summary>
/// <param name="Kind">What the target is about.</param>
/// <param name="Key">Its key.</param>
/// <param name="Label">Display label (Chinese).</param>
/// <param name="TargetProjects">Projects aimed at, if any.</param>
/// <param name="ActualProjects">Approved projects.</param>
/// <param name="TargetTrainees">Trainees aimed at.</param>
/// <param name="ActualTrainees">Trainees credited.</param>
/// <param name="Percent">Trainees credited as a percentage of the target (one decimal; 100 for a zero target).</param>
/// <param name="ExpectedPercent">The share of the year gone by, in percent (the pace to keep).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="StatusName">Its Chinese name.</param>
public sealed record PlanTargetProgress(
    PlanTargetKind Kind,
    string Key,
    string Label,
    int? TargetProjects,
    int ActualProjects,
    int TargetTrainees,
    int ActualTrainees,
    decimal Percent,
    decimal ExpectedPercent,
    PlanProgressStatus Status,
    string StatusName);

/// <summary>Compares a plan's targets with the year's facts.</summary>
public static class PlanProgressCalculator
{
    /// <summary>Chinese names of the statuses.</summary>
    public static IReadOnlyDictionary<PlanProgressStatus, string> StatusNames { get; } = new Dictionary<PlanProgressStatus, string>
    {
        [PlanProgressStatus.Met] = "已完成",
        [PlanProgressStatus.OnTrack] = "进度正常",
        [PlanProgressStatus.Behind] = "进度滞后",
        [PlanProgressStatus.Missed] = "未完成",
        [PlanProgressStatus.NotStarted] = "未开始",
    };

    /// <summary>The share of <paramref name="year"/> gone by on <paramref name="today"/>, in percent (0 before, 100 after).</summary>
    public static decimal YearElapsedPercent(int year, DateOnly today)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        if (today < first)
        {
            return 0m;
        }

        if (today >= last)
        {
            return 100m;
        }

        var days = last.DayNumber - first.DayNumber + 1;
        return Math.Round((today.DayNumber - first.DayNumber + 1) * 100m / days, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Every target of the plan (in the order total, types, regions, departments) against the facts.</summary>
    public static IReadOnlyList<PlanTargetProgress> Compare(int year, IEnumerable<PlanTarget> targets, PlanFacts facts, DateOnly today, Func<PlanTarget, string> label)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(label);
        var expected = YearElapsedPercent(year, today);
        return targets
            .OrderBy(t => t.Kind).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t =>
            {
                var (projects, trainees) = Actual(t, facts);
                var percent = t.Trainees == 0 ? 100m : Math.Round(trainees * 100m / t.Trainees, 1, MidpointRounding.ToZero);
                var status = Status(t, projects, trainees, percent, expected);
                return new PlanTargetProgress(t.Kind, t.Key, label(t), t.Projects, projects, t.Trainees, trainees, percent, expected, status, StatusNames[status]);
            })
            .ToList();
    }

    private static (int Projects, int Trainees) Actual(PlanTarget target, PlanFacts facts) => target.Kind switch
    {
        PlanTargetKind.Total => (facts.ProjectsByType.Values.Sum(), facts.Trainees),
        PlanTargetKind.ProjectType when Enum.TryParse<ProjectType>(target.Key, out var type) =>
            (facts.ProjectsByType.GetValueOrDefault(type), facts.TraineesByType.GetValueOrDefault(type)),
        PlanTargetKind.Region => (facts.ProjectsByRegion.GetValueOrDefault(target.Key), facts.TraineesByRegion.GetValueOrDefault(target.Key)),
        PlanTargetKind.Department => (facts.ProjectsByDepartment.GetValueOrDefault(target.Key), facts.TraineesByDepartment.GetValueOrDefault(target.Key)),
        _ => (0, 0),
    };

    private static PlanProgressStatus Status(PlanTarget target, int projects, int trainees, decimal percent, decimal expected)
    {
        var met = trainees >= target.Trainees && (target.Projects is not { } aimed || projects >= aimed);
        if (met)
        {
            return PlanProgressStatus.Met;
        }

        if (expected == 0m)
        {
            return PlanProgressStatus.NotStarted;
        }

        if (expected == 100m)
        {
            return PlanProgressStatus.Missed;
        }

        var projectPercent = target.Projects is { } count and > 0 ? projects * 100m / count : 100m;
        return percent >= expected && projectPercent >= expected ? PlanProgressStatus.OnTrack : PlanProgressStatus.Behind;
    }
}
