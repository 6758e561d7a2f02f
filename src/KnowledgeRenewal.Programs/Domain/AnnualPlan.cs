namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// A year's plan (年度计划). The city's plan, which the program office sets: targets for the whole program, per project
/// type, and their shares per region and per line department. Under it, a county's (县市区) or a line department's own
/// plan (<see cref="Scope"/>, <see cref="ScopeCode"/>), which that county bureau or department sets: its total and its
/// targets per project type, checked against the city's (<see cref="PlanShareRules"/>). Progress against a plan is never
/// typed in: it is computed from approved projects and approved credit records (<see cref="PlanProgressCalculator"/>),
/// a county's or department's restricted to its region or sector.
/// </summary>
public sealed class AnnualPlan
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The program year (one of <see cref="KnowledgeRenewal.Sdk.ProgramPeriod"/>'s), one plan per year and scope.</summary>
    public int Year { get; init; }

    /// <summary>Whose plan: the city's, a county's or a line department's.</summary>
    public PlanScope Scope { get; init; } = PlanScope.City;

    /// <summary>Empty for the city; the region code of a county's plan, the department code of a department's.</summary>
    public string ScopeCode { get; init; } = "";

    /// <summary>
    /// The city's plan only: whether the counties' (and, separately, the departments') targets must stay within the
    /// city's — a nested plan exceeding them is refused; otherwise it is saved with a warning.
    /// </summary>
    public bool EnforceShares { get; set; }

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

    /// <summary>The plan's scope (repeated so feeds can group targets by scope).</summary>
    public PlanScope Scope { get; init; } = PlanScope.City;

    /// <summary>The plan's scope code (repeated): empty for the city, the region or department code otherwise.</summary>
    public string ScopeCode { get; init; } = "";

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

/// <summary>Whose plan it is.</summary>
public enum PlanScope
{
    /// <summary>全市 — the city's plan, set by the program office.</summary>
    City = 1,

    /// <summary>县（市、区）— a county's plan under the city's, set by its county bureau.</summary>
    Region = 2,

    /// <summary>行业主管部门 — a line department's plan under the city's, set by the department.</summary>
    Department = 3,
}
