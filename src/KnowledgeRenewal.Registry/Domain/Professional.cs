using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Identifiers;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>
/// A professional (专业技术人员) of the registry, identified by the resident ID number. The number is stored only
/// encrypted (<see cref="IdNumberCipher"/>), looked up by its keyed hash (<see cref="IdNumberHash"/>) and shown
/// masked (<see cref="IdNumberMasked"/>); the same holds for the mobile number. Gender and birth date come from the ID.
/// Moving to another employer keeps the person and every record; the move is an <see cref="Employment"/>.
/// </summary>
public sealed class Professional : IChangeTracked
{
    /// <summary>The change number of the last insert or update, for OData delta links (set by the platform; ADR 0023).</summary>
    public long ChangeVersion { get; set; }

    /// <summary>404: no such professional, or one the caller may not see (the same answer for both).</summary>
    public static KnowledgeRenewal.Sdk.NotFoundException NotFound(Guid id) => new("专业技术人员", id);

    /// <summary>
    /// 409 <see cref="RegistryProblemCodes.ProfessionalDuplicate"/>: the ID number is registered already (said only to
    /// a caller who may see that record; anyone else gets <see cref="ProfessionalOwnership.Refusal"/>).
    /// </summary>
    public static KnowledgeRenewal.Sdk.PlatformException Duplicate() => new(
        RegistryProblemCodes.ProfessionalDuplicate,
        409,
        "数据冲突",
        "该身份证号的专业技术人员已登记，同一人只能登记一次；如其已调入本单位，请办理调动。",
        [new KnowledgeRenewal.Sdk.FieldError("idNumber", RegistryProblemCodes.ProfessionalDuplicate, "该身份证号已登记。")]);

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Keyed hash (HMAC-SHA256, hex) of the normalized ID number: the look-up and uniqueness key.</summary>
    public required string IdNumberHash { get; set; }

    /// <summary>The ID number, encrypted (AES-GCM); never exposed by feeds.</summary>
    public required string IdNumberCipher { get; set; }

    /// <summary>The ID number masked for display, e.g. <c>3708**********123X</c>.</summary>
    public required string IdNumberMasked { get; set; }

    /// <summary>Name, in Chinese.</summary>
    public required string Name { get; set; }

    /// <summary>Gender, from the ID number.</summary>
    public Gender Gender { get; set; }

    /// <summary>Birth date, from the ID number.</summary>
    public DateOnly BirthDate { get; set; }

    /// <summary>The mobile number, encrypted; null when unknown.</summary>
    public string? PhoneCipher { get; set; }

    /// <summary>The mobile number masked for display, e.g. <c>138****5678</c>.</summary>
    public string? PhoneMasked { get; set; }

    /// <summary>The current employer.</summary>
    public Guid EmployerId { get; set; }

    /// <summary>The current employer.</summary>
    public Employer? Employer { get; set; }

    /// <summary>The region the person belongs to (by default the employer's).</summary>
    public required string RegionCode { get; set; }

    /// <summary>The sector (line department code) the person belongs to.</summary>
    public required string DepartmentCode { get; set; }

    /// <summary>Professional title series (职称系列), e.g. 卫生技术, 中小学教师, 工程技术.</summary>
    public string? TitleSeries { get; set; }

    /// <summary>Professional title level.</summary>
    public TitleLevel TitleLevel { get; set; }

    /// <summary>Specialty (专业), in Chinese.</summary>
    public string? Specialty { get; set; }

    /// <summary>Highest education.</summary>
    public EducationLevel Education { get; set; }

    /// <summary>Active, retired or left.</summary>
    public ProfessionalStatus Status { get; set; } = ProfessionalStatus.Active;

    /// <summary>The person's own account, when they have one (their own record is visible to them).</summary>
    public Guid? UserId { get; set; }

    /// <summary>Changes on every update; a stale update is refused (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>When the record was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the record last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Employment history, newest last.</summary>
    public ICollection<Employment> Employments { get; } = [];
}

/// <summary>One period of a professional at an employer. The open period (no end) is the current employment.</summary>
public sealed class Employment
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The professional.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The professional.</summary>
    public Professional? Professional { get; set; }

    /// <summary>The employer.</summary>
    public Guid EmployerId { get; init; }

    /// <summary>The employer.</summary>
    public Employer? Employer { get; set; }

    /// <summary>First day.</summary>
    public DateOnly StartedOn { get; init; }

    /// <summary>Last day; null while current.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>When the period was recorded (UTC).</summary>
    public DateTime RecordedAt { get; init; }
}

/// <summary>Professional title levels (职称级别).</summary>
public enum TitleLevel
{
    /// <summary>未评定 — none yet.</summary>
    None = 0,

    /// <summary>初级.</summary>
    Junior = 1,

    /// <summary>中级.</summary>
    Intermediate = 2,

    /// <summary>副高级.</summary>
    AssociateSenior = 3,

    /// <summary>正高级.</summary>
    Senior = 4,
}

/// <summary>Highest education (最高学历).</summary>
public enum EducationLevel
{
    /// <summary>中专及以下.</summary>
    Secondary = 1,

    /// <summary>大专.</summary>
    Associate = 2,

    /// <summary>本科.</summary>
    Bachelor = 3,

    /// <summary>硕士研究生.</summary>
    Master = 4,

    /// <summary>博士研究生.</summary>
    Doctorate = 5,
}

/// <summary>A professional's status.</summary>
public enum ProfessionalStatus
{
    /// <summary>在职.</summary>
    Active = 1,

    /// <summary>退休.</summary>
    Retired = 2,

    /// <summary>离职（调出本市等）.</summary>
    Left = 3,
}
