namespace KnowledgeRenewal.Supervision.Domain.Inspections;

/// <summary>The conclusion of one inspection.</summary>
public enum InspectionConclusion
{
    /// <summary>未发现问题.</summary>
    NoIssues = 1,

    /// <summary>发现问题（见检查发现）.</summary>
    IssuesFound = 2,
}

/// <summary>Where a finding's rectification stands.</summary>
public enum RectificationStatus
{
    /// <summary>No rectification required.</summary>
    NotRequired = 0,

    /// <summary>整改中.</summary>
    Open = 1,

    /// <summary>整改完成 (closed with evidence).</summary>
    Closed = 2,
}

/// <summary>One drawn object of a plan's current draw, with its inspectors, the result and the findings.</summary>
public sealed class Inspection
{
    /// <summary>Longest summary.</summary>
    public const int SummaryLength = 2000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The plan.</summary>
    public Guid PlanId { get; init; }

    /// <summary>Position in the draw (1-based).</summary>
    public int Rank { get; init; }

    /// <summary>The kind of object.</summary>
    public SupervisedObjectKind Kind { get; init; }

    /// <summary>The object's id.</summary>
    public Guid ObjectId { get; init; }

    /// <summary>The object's name at the draw.</summary>
    public required string ObjectName { get; init; }

    /// <summary>The organization answerable for the object.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary>The organization's name at the draw.</summary>
    public required string OrganizationName { get; init; }

    /// <summary>The risk the draw weighed (Σ weight × normalized score).</summary>
    public decimal Risk { get; init; }

    /// <summary>The day inspected (China time), once the result is recorded.</summary>
    public DateOnly? InspectedOn { get; set; }

    /// <summary>The conclusion, once recorded.</summary>
    public InspectionConclusion? Conclusion { get; set; }

    /// <summary>The result in words (public once published: no personal data).</summary>
    public string? Summary { get; set; }

    /// <summary>Who recorded the result.</summary>
    public string? RecordedByName { get; set; }

    /// <summary>The inspectors drawn.</summary>
    public List<InspectionInspector> Inspectors { get; init; } = [];

    /// <summary>The findings.</summary>
    public List<InspectionFinding> Findings { get; init; } = [];

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>An expert drawn to inspect an object.</summary>
public sealed class InspectionInspector
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The inspection.</summary>
    public Guid InspectionId { get; init; }

    /// <summary>The expert.</summary>
    public Guid ExpertId { get; init; }

    /// <summary>The expert's name at the draw.</summary>
    public required string ExpertName { get; init; }
}

/// <summary>A finding of an inspection (检查发现), possibly requiring rectification by a deadline.</summary>
public sealed class InspectionFinding
{
    /// <summary>Longest text.</summary>
    public const int TextLength = 2000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The inspection.</summary>
    public Guid InspectionId { get; init; }

    /// <summary>What was found (public once published: no personal data).</summary>
    public required string Text { get; init; }

    /// <summary>Whether rectification is required, and where it stands.</summary>
    public RectificationStatus Rectification { get; set; }

    /// <summary>The rectification deadline (China time).</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>The day the rectification was closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>How it was rectified.</summary>
    public string? ClosureNote { get; set; }

    /// <summary>Who closed it.</summary>
    public string? ClosedByName { get; set; }

    /// <summary>When recorded (UTC).</summary>
    public DateTime RecordedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public string? RecordedByName { get; init; }

    /// <summary>Evidence files of the finding and of the closure.</summary>
    public List<InspectionEvidence> Evidence { get; init; } = [];

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Whether the rectification is open and its deadline has passed on <paramref name="today"/>.</summary>
    public bool OverdueOn(DateOnly today) => Rectification == RectificationStatus.Open && DueOn < today;
}

/// <summary>An evidence file (PDF, JPEG or PNG) of a finding or of its rectification's closure.</summary>
public sealed class InspectionEvidence
{
    /// <summary>Longest file name.</summary>
    public const int FileNameLength = 255;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The finding.</summary>
    public Guid FindingId { get; init; }

    /// <summary>Whether it proves the closure (else the finding).</summary>
    public bool ForClosure { get; init; }

    /// <summary>The file's name as uploaded.</summary>
    public required string FileName { get; init; }

    /// <summary>The content type detected from the bytes.</summary>
    public required string ContentType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>SHA-256 of the content (hex).</summary>
    public required string Sha256 { get; init; }

    /// <summary>The content.</summary>
    public required byte[] Content { get; init; }

    /// <summary>When uploaded (UTC).</summary>
    public DateTime UploadedAt { get; init; }
}
