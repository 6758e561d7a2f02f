namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>Settings of the inspections (section <c>Supervision:Inspections</c>).</summary>
public sealed class InspectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Supervision:Inspections";

    /// <summary>An expert who reviewed or inspected an organization's object within this many months is not drawn for it again (recent co-work).</summary>
    public int ConflictMonths { get; set; } = 12;

    /// <summary>Reads of the public results page per client address per minute.</summary>
    public int PublicReadsPerMinute { get; set; } = 60;
}
