namespace KnowledgeRenewal.Supervision.Domain.Inspections;

/// <summary>Where an inspection plan stands.</summary>
public enum InspectionPlanStatus
{
    /// <summary>Defined, not drawn yet (草拟).</summary>
    Draft = 1,

    /// <summary>Drawn; inspections under way (已抽取). It can be drawn again until a result is recorded.</summary>
    Drawn = 2,

    /// <summary>Results published (已公开).</summary>
    Published = 3,
}

/// <summary>
/// A double-random inspection plan (双随机抽查计划) of the program office: the year, how many objects of each kind
/// (a count or a share of the candidates), the risk weighting (a weight per <see cref="IRiskSignal"/> key) and how many
/// inspectors per object. The draw records its seed so anyone can replay it.
/// </summary>
public sealed class InspectionPlan
{
    /// <summary>Longest title.</summary>
    public const int TitleLength = 128;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The year inspected (risk signals are read for this year).</summary>
    public int Year { get; init; }

    /// <summary>Title, e.g. 2026年度继续教育双随机抽查.</summary>
    public required string Title { get; set; }

    /// <summary>Inspectors drawn per object (1–5).</summary>
    public int InspectorsPerObject { get; set; } = 2;

    /// <summary>Where the plan stands.</summary>
    public InspectionPlanStatus Status { get; set; } = InspectionPlanStatus.Draft;

    /// <summary>The seed of the current draw.</summary>
    public long? Seed { get; set; }

    /// <summary>When the current draw was made (UTC).</summary>
    public DateTime? DrawnAt { get; set; }

    /// <summary>Who made the current draw.</summary>
    public string? DrawnByName { get; set; }

    /// <summary>The current draw's fingerprint (<see cref="RandomDraw.Fingerprint"/>).</summary>
    public string? Fingerprint { get; set; }

    /// <summary>When the results were published (UTC).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>When the plan was defined (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>Who defined it.</summary>
    public string? CreatedByName { get; init; }

    /// <summary>The quotas per kind.</summary>
    public List<InspectionQuota> Quotas { get; init; } = [];

    /// <summary>The risk weights per signal.</summary>
    public List<InspectionRiskWeight> Weights { get; init; } = [];

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>How many objects of a kind a plan draws: a count, or a share (percent) of the candidates.</summary>
public sealed class InspectionQuota
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The plan.</summary>
    public Guid PlanId { get; init; }

    /// <summary>The kind of object.</summary>
    public SupervisedObjectKind Kind { get; init; }

    /// <summary>A count, or null with <see cref="SharePercent"/>.</summary>
    public int? Count { get; init; }

    /// <summary>A share of the candidates in percent (1–100), rounded up.</summary>
    public int? SharePercent { get; init; }
}

/// <summary>The weight of one risk signal in a plan's draw.</summary>
public sealed class InspectionRiskWeight
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The plan.</summary>
    public Guid PlanId { get; init; }

    /// <summary>The signal's key (<see cref="IRiskSignal.Key"/>).</summary>
    public required string SignalKey { get; init; }

    /// <summary>The weight (0–10): the object's normalized score (0–1) times this adds to its base weight of 1.</summary>
    public decimal Weight { get; init; }
}

/// <summary>One draw of a plan, kept for audit: the seed, who, when, the result's fingerprint and what was drawn from.</summary>
public sealed class InspectionDrawRecord
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The plan.</summary>
    public Guid PlanId { get; init; }

    /// <summary>The seed.</summary>
    public long Seed { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime DrawnAt { get; init; }

    /// <summary>Who.</summary>
    public string? DrawnByName { get; init; }

    /// <summary>How many candidates and experts the draw saw.</summary>
    public int Candidates { get; init; }

    /// <summary>How many experts were in the pool.</summary>
    public int Experts { get; init; }

    /// <summary>The result's fingerprint.</summary>
    public required string Fingerprint { get; init; }
}
