using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>A credit record as the API shows it: what, how much, where from, where it stands (the person masked).</summary>
internal sealed record CreditRecordView
{
    /// <summary>The record.</summary>
    public Guid Id { get; init; }

    /// <summary>The professional.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The professional's name.</summary>
    public string? PersonName { get; init; }

    /// <summary>The professional's ID number, masked.</summary>
    public string? PersonIdNumber { get; init; }

    /// <summary>The day the activity ended.</summary>
    public DateOnly Date { get; init; }

    /// <summary>The credit year.</summary>
    public int CreditYear { get; init; }

    /// <summary>Public or Professional.</summary>
    public CreditCategory Category { get; init; }

    /// <summary>公需科目 / 专业科目.</summary>
    public string CategoryLabel => ComplianceLabels.Category(Category);

    /// <summary>The subject code.</summary>
    public string? SubjectCode { get; init; }

    /// <summary>The subject name when recorded.</summary>
    public string? SubjectName { get; init; }

    /// <summary>The module whose catalog and rules applied.</summary>
    public string? ModuleKey { get; init; }

    /// <summary>The kind of activity.</summary>
    public ActivityType Activity { get; init; }

    /// <summary>The activity's Chinese name.</summary>
    public string ActivityLabel => ComplianceLabels.Activity(Activity);

    /// <summary>The module's credit class.</summary>
    public string? CreditClass { get; init; }

    /// <summary>Credit hours (exact).</summary>
    public decimal Hours { get; init; }

    /// <summary>The amount as entered.</summary>
    public decimal EnteredAmount { get; init; }

    /// <summary>The unit it was entered in.</summary>
    public CreditUnit EnteredUnit { get; init; }

    /// <summary>What it was.</summary>
    public required string Title { get; init; }

    /// <summary>Where it comes from.</summary>
    public RecordSource Source { get; init; }

    /// <summary>The source's Chinese name.</summary>
    public string SourceLabel => LedgerLabels.Source(Source);

    /// <summary>The training provider.</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>The training provider's name.</summary>
    public string? ProviderName { get; init; }

    /// <summary>The class.</summary>
    public Guid? ClassId { get; init; }

    /// <summary>The class's title (in transcripts).</summary>
    public string? ClassTitle { get; init; }

    /// <summary>The declaration.</summary>
    public Guid? DeclarationId { get; init; }

    /// <summary>The digital-engineer training record (数字技术工程师培训).</summary>
    public Guid? DigitalTrainingId { get; init; }

    /// <summary>The upload job.</summary>
    public Guid? ImportJobId { get; init; }

    /// <summary>The file and row.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The other platform's reference.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>Pending, Approved, Rejected or Revoked.</summary>
    public CreditRecordStatus Status { get; init; }

    /// <summary>待审核 / 已认定 / 已驳回 / 已撤销.</summary>
    public string StatusLabel => LedgerLabels.Status(Status);

    /// <summary>Who recorded it.</summary>
    public string? RecordedBy { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime RecordedAt { get; init; }

    /// <summary>Who approved or rejected it.</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime? ReviewedAt { get; init; }

    /// <summary>The reviewer's reason or note.</summary>
    public string? ReviewReason { get; init; }

    /// <summary>Who revoked it.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime? RevokedAt { get; init; }

    /// <summary>Why.</summary>
    public string? RevocationReason { get; init; }

    /// <summary>The record that corrects this revoked one.</summary>
    public Guid? CorrectedByRecordId { get; init; }

    /// <summary>The revoked record this one corrects.</summary>
    public Guid? CorrectsRecordId { get; init; }

    /// <summary>Why it needs a second look.</summary>
    public RecordWarning? Flag { get; init; }

    /// <summary>What the flag found.</summary>
    public string? FlagDetail { get; init; }
}
