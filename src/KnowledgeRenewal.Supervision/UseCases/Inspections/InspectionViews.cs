using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>An expert of the pool, the phone and ID number masked.</summary>
public sealed record ExpertView(Guid Id, string Name, string Specialty, string Title, Guid? OrganizationId, string OrganizationName, string RegionCode, string Phone, string? IdNumber, bool Active);

/// <summary>An expert's contact unmasked (the program office, audited).</summary>
public sealed record ExpertContact(Guid Id, string Name, string Phone, string? IdNumber);

/// <summary>A plan in the list.</summary>
public sealed record InspectionPlanSummary(Guid Id, int Year, string Title, InspectionPlanStatus Status, string StatusName, int Objects, int Recorded, int OpenRectifications, long? Seed, DateTime? DrawnAt);

/// <summary>A quota as shown.</summary>
public sealed record QuotaView(SupervisedObjectKind Kind, string KindName, int? Count, int? SharePercent);

/// <summary>A risk weight as shown.</summary>
public sealed record WeightView(string SignalKey, string Label, decimal Weight);

/// <summary>A draw kept for audit.</summary>
public sealed record DrawRecordView(long Seed, DateTime DrawnAt, string? DrawnByName, int Candidates, int Experts, string Fingerprint);

/// <summary>One drawn object in a plan.</summary>
public sealed record InspectionRow(Guid Id, int Rank, SupervisedObjectKind Kind, string KindName, Guid ObjectId, string ObjectName, string OrganizationName, decimal Risk,
    IReadOnlyList<string> Inspectors, InspectionConclusion? Conclusion, string ConclusionName, int Findings, int OpenRectifications);

/// <summary>A plan with its draw and inspections.</summary>
public sealed record InspectionPlanView(Guid Id, int Year, string Title, int InspectorsPerObject, InspectionPlanStatus Status, string StatusName, long? Seed, DateTime? DrawnAt,
    string? DrawnByName, string? Fingerprint, DateTime? PublishedAt, IReadOnlyList<QuotaView> Quotas, IReadOnlyList<WeightView> Weights,
    IReadOnlyList<InspectionRow> Inspections, IReadOnlyList<DrawRecordView> Draws);

/// <summary>An evidence file.</summary>
public sealed record EvidenceView(Guid Id, string FileName, long Size, bool ForClosure);

/// <summary>A finding; <c>ETag</c> is what closing its rectification sends as If-Match.</summary>
public sealed record FindingView(Guid Id, string Text, RectificationStatus Rectification, string RectificationName, DateOnly? DueOn, DateOnly? ClosedOn, string? ClosureNote,
    bool Overdue, IReadOnlyList<EvidenceView> Evidence, string ETag);

/// <summary>One inspection with its findings.</summary>
public sealed record InspectionView(Guid Id, Guid PlanId, string PlanTitle, InspectionPlanStatus PlanStatus, int Rank, SupervisedObjectKind Kind, string KindName, string ObjectName,
    string OrganizationName, decimal Risk, IReadOnlyList<string> Inspectors, DateOnly? InspectedOn, InspectionConclusion? Conclusion, string ConclusionName, string? Summary,
    IReadOnlyList<FindingView> Findings);

/// <summary>A public finding: what was found and where its rectification stands (no names of people).</summary>
public sealed record PublicFinding(string Text, string RectificationName, DateOnly? DueOn, DateOnly? ClosedOn);

/// <summary>One published inspection result.</summary>
public sealed record PublicInspectionItem(string KindName, string ObjectName, string OrganizationName, DateOnly? InspectedOn, string ConclusionName, string? Summary, IReadOnlyList<PublicFinding> Findings);

/// <summary>A plan's published results.</summary>
public sealed record PublicInspectionResults(Guid PlanId, int Year, string Title, DateTime PublishedAt, long Seed, string Fingerprint, IReadOnlyList<PublicInspectionItem> Items);

/// <summary>Shared mappings.</summary>
internal static class InspectionViews
{
    /// <summary>An expert, masked.</summary>
    public static ExpertView Expert(Expert e) => new(e.Id, e.Name, e.Specialty, e.Title, e.OrganizationId, e.OrganizationName, e.RegionCode,
        MobileNumber.Mask(e.Phone), e.IdNumber is { Length: > 10 } id ? id[..6] + new string('*', id.Length - 10) + id[^4..] : e.IdNumber is null ? null : new string('*', e.IdNumber.Length), e.Active);

    /// <summary>A finding.</summary>
    public static FindingView Finding(InspectionFinding f, DateOnly today) => new(f.Id, f.Text, f.Rectification, InspectionRules.RectificationName(f.Rectification), f.DueOn, f.ClosedOn,
        f.ClosureNote, f.OverdueOn(today), [.. f.Evidence.OrderBy(e => e.UploadedAt).Select(e => new EvidenceView(e.Id, e.FileName, e.Size, e.ForClosure))],
        KnowledgeRenewal.Kernel.Application.EntityTag.Format(f.ConcurrencyStamp));

    /// <summary>A row of a plan.</summary>
    public static InspectionRow Row(Inspection i) => new(i.Id, i.Rank, i.Kind, InspectionRules.KindName(i.Kind), i.ObjectId, i.ObjectName, i.OrganizationName, i.Risk,
        [.. i.Inspectors.OrderBy(e => e.ExpertName, StringComparer.Ordinal).ThenBy(e => e.ExpertId).Select(e => e.ExpertName)], i.Conclusion, InspectionRules.ConclusionName(i.Conclusion), i.Findings.Count,
        i.Findings.Count(f => f.Rectification == RectificationStatus.Open));
}
