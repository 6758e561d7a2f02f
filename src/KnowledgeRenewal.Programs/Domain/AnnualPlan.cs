namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// The year's plan (年度计划) the program office sets: targets for the whole program, per project type, and their
/// shares per region and per line department. Progress against it is never typed in: it is computed from approved
/// projects and approved credit records (<see cref="PlanProgressCalculator"/>).
/// </summary>
public sealed class AnnualPlan
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The program year (one of <see cref="KnowledgeRenewal.Sdk.ProgramPeriod"/>'s), one plan per year.</summary>
    public int Year { get; init; }

    /// <summary>Notes of the program office (e.g. the document the plan follows).</summary>
    public string? Notes { get; set; }

    /// <summary>The targets: the total, per project type, per region, per department.</summary>
    public ICollection<PlanTarget> Targets { get; } = [];

    /// <summary>Who set the plan last.</summary>
    public Guid? UpdatedByUserId { get; set; }

    /// <summary>Their display name at the time.</summary>
    public string? UpdatedByName { get; set; }

    /// <summary>When it was set last (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>One target of a plan: what it is about (<see cref="Kind"/> and <see cref="Key"/>) and the numbers aimed at.</summary>
public sealed class PlanTarget
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The plan.</summary>
    public Guid PlanId { get; init; }

    /// <summary>The plan's year (repeated so feeds can group targets by year).</summary>
    public int Year { get; init; }

    /// <summary>The whole program, a project type, a region or a department.</summary>
    public PlanTargetKind Kind { get; init; }

    /// <summary>
    /// Empty for the total; the project type's name (<c>AdvancedSeminar</c> …), the region code or the department
    /// code otherwise.
    /// </summary>
    public string Key { get; init; } = "";

    /// <summary>Projects (sessions) aimed at, if counted (e.g. 20 advanced seminars a year).</summary>
    public int? Projects { get; init; }

    /// <summary>Trainees aimed at (distinct professionals credited during the year).</summary>
    public int Trainees { get; init; }
}

/// <summary>What a target is about.</summary>
public enum PlanTargetKind
{
    /// <summary>全市总目标 — the whole program.</summary>
    Total = 1,

    /// <summary>按项目类型 — one project type.</summary>
    ProjectType = 2,

    /// <summary>按县（市、区）分解 — one region's share.</summary>
    Region = 3,

    /// <summary>按行业主管部门分解 — one department's share.</summary>
    Department = 4,
}
