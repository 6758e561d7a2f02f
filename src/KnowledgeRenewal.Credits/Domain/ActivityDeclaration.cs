using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Where a self-declared activity stands in its review.</summary>
public enum DeclarationStatus
{
    /// <summary>待单位审核 — submitted, waiting for the employer.</summary>
    AwaitingEmployer = 1,

    /// <summary>待主管部门审核 — the employer agreed, waiting for the line department.</summary>
    AwaitingDepartment = 2,

    /// <summary>已认定 — both agreed; the credit record is approved.</summary>
    Approved = 3,

    /// <summary>已驳回 — the employer or the department refused, with a reason.</summary>
    Rejected = 4,

    /// <summary>已撤回 — the person withdrew it before the review ended.</summary>
    Withdrawn = 5,
}

/// <summary>
/// An activity a professional declares for credit (学术会议, 论文, 进修, 专利 …) with evidence files. It goes to the
/// employer, then to the line department; either can reject it with a reason. The hours follow the rules of the
/// person's department module in force on the activity's date (which activity types count, credit per item, unit);
/// the yearly caps are applied by the rule engine when compliance is evaluated. The declaration's credit record is
/// created pending on submission and becomes approved (or rejected) with the last review.
/// </summary>
public sealed class ActivityDeclaration
{
    /// <summary>Longest title kept.</summary>
    public const int TitleLength = 128;

    /// <summary>Longest description kept.</summary>
    public const int DescriptionLength = 2000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The declaring professional.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The declaring professional.</summary>
    public Professional? Professional { get; init; }

    /// <summary>The kind of activity.</summary>
    public ActivityType Activity { get; init; }

    /// <summary>Title (conference name, paper title, patent name …).</summary>
    public required string Title { get; init; }

    /// <summary>Organizer, journal or issuing body.</summary>
    public string? Organizer { get; init; }

    /// <summary>What was done, in the person's words.</summary>
    public string? Description { get; init; }

    /// <summary>First day.</summary>
    public DateOnly StartDate { get; init; }

    /// <summary>Last day (the credit year is this day's year).</summary>
    public DateOnly EndDate { get; init; }

    /// <summary>Public or professional.</summary>
    public CreditCategory Category { get; init; } = CreditCategory.Professional;

    /// <summary>The subject, when the person names one.</summary>
    public string? SubjectCode { get; init; }

    /// <summary>Items (papers, patents) for activities credited per item; null for activities credited by hours.</summary>
    public int? Items { get; init; }

    /// <summary>Amount claimed in <see cref="ClaimedUnit"/> for activities credited by hours.</summary>
    public decimal? ClaimedAmount { get; init; }

    /// <summary>The unit of <see cref="ClaimedAmount"/>.</summary>
    public CreditUnit ClaimedUnit { get; init; } = CreditUnit.Hour;

    /// <summary>The credit hours the rules grant (before yearly caps).</summary>
    public CreditHours Hours { get; init; }

    /// <summary>The module whose rules computed the hours (null: the platform's).</summary>
    public string? ModuleKey { get; init; }

    /// <summary>The credit class the rules put the hours in, if any.</summary>
    public string? CreditClass { get; init; }

    /// <summary>Where the review stands.</summary>
    public DeclarationStatus Status { get; set; } = DeclarationStatus.AwaitingEmployer;

    /// <summary>The credit record created for it.</summary>
    public Guid CreditRecordId { get; init; }

    /// <summary>The employer at submission (its HR reviews first).</summary>
    public Guid EmployerId { get; init; }

    /// <summary>The sector at submission (its department reviews second).</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>The region at submission.</summary>
    public required string RegionCode { get; init; }

    /// <summary>When it was submitted (UTC).</summary>
    public DateTime SubmittedAt { get; init; }

    /// <summary>Who reviewed it for the employer.</summary>
    public string? EmployerReviewerName { get; set; }

    /// <summary>When the employer decided (UTC).</summary>
    public DateTime? EmployerReviewedAt { get; set; }

    /// <summary>The employer's comment or reason.</summary>
    public string? EmployerComment { get; set; }

    /// <summary>Who reviewed it for the department.</summary>
    public string? DepartmentReviewerName { get; set; }

    /// <summary>When the department decided (UTC).</summary>
    public DateTime? DepartmentReviewedAt { get; set; }

    /// <summary>The department's comment or reason.</summary>
    public string? DepartmentComment { get; set; }

    /// <summary>Changes on every state change (two reviewers at once: exactly one wins).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The evidence files.</summary>
    public ICollection<EvidenceFile> Evidence { get; } = [];
}

/// <summary>An evidence file of a declaration (certificate of attendance, paper, patent certificate …), kept in the database.</summary>
public sealed class EvidenceFile
{
    /// <summary>Longest file name kept.</summary>
    public const int FileNameLength = 255;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The declaration.</summary>
    public Guid DeclarationId { get; init; }

    /// <summary>The file's name as uploaded (without any path).</summary>
    public required string FileName { get; init; }

    /// <summary>The content type detected from the file's bytes (pdf, jpeg, png).</summary>
    public required string ContentType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>SHA-256 of the content (hex).</summary>
    public required string Sha256 { get; init; }

    /// <summary>The content.</summary>
    public required byte[] Content { get; init; }

    /// <summary>When it was uploaded (UTC).</summary>
    public DateTime UploadedAt { get; init; }
}
