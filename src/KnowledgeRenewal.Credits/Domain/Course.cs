using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// A course of the shared course catalog (课程库): what it teaches (a subject of the public catalog or a module's
/// catalog, so its category follows), how many hours and how it is delivered, who developed it (a continuing-education
/// base, a training provider or an association), and its materials. Classes may name the course they teach
/// (<see cref="TrainingClass.CourseId"/>); a base's scorecard counts the courses it developed.
/// </summary>
public sealed class Course
{
    /// <summary>Longest title.</summary>
    public const int TitleLength = 128;

    /// <summary>Longest description.</summary>
    public const int DescriptionLength = 2000;

    /// <summary>Longest developer name.</summary>
    public const int DeveloperNameLength = 128;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>课程名称.</summary>
    public required string Title { get; set; }

    /// <summary>课程简介 (optional).</summary>
    public string? Description { get; set; }

    /// <summary>The subject's key (<see cref="Subject.Id"/>, e.g. <c>public:GX-WLAQ</c>).</summary>
    public required string SubjectId { get; set; }

    /// <summary>Public or professional (the subject's).</summary>
    public CreditCategory Category { get; set; }

    /// <summary>学时, exact to 0.01.</summary>
    public decimal Hours { get; set; }

    /// <summary>Offline, online or mixed.</summary>
    public DeliveryMode Mode { get; set; } = DeliveryMode.Offline;

    /// <summary>Base, provider or association.</summary>
    public CourseDeveloperKind DeveloperKind { get; set; }

    /// <summary>The developer's organization on the platform (a base's or provider's); null for an association.</summary>
    public Guid? DeveloperOrganizationId { get; set; }

    /// <summary>The developer's name as shown.</summary>
    public required string DeveloperName { get; set; }

    /// <summary>When it was added (UTC); the scorecard counts a course in the year it was added.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>Who added it.</summary>
    public Guid? CreatedByUserId { get; init; }

    /// <summary>Who added it (display name).</summary>
    public string? CreatedByName { get; init; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The course's materials.</summary>
    public List<CourseMaterial> Materials { get; init; } = [];
}

/// <summary>Who developed a course.</summary>
public enum CourseDeveloperKind
{
    /// <summary>继续教育基地.</summary>
    Base = 1,

    /// <summary>培训机构.</summary>
    Provider = 2,

    /// <summary>行业协会（学会）.</summary>
    Association = 3,
}

/// <summary>A material of a course (courseware, syllabus): PDF, JPEG or PNG recognised from its bytes.</summary>
public sealed class CourseMaterial
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The course.</summary>
    public Guid CourseId { get; init; }

    /// <summary>Safe file name (<see cref="EvidenceContent.SafeFileName"/>).</summary>
    public required string FileName { get; init; }

    /// <summary>The content type recognised from the bytes.</summary>
    public required string ContentType { get; init; }

    /// <summary>Bytes.</summary>
    public long Size { get; init; }

    /// <summary>SHA-256 of the bytes (hex).</summary>
    public required string Sha256 { get; init; }

    /// <summary>The bytes.</summary>
    public required byte[] Content { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime UploadedAt { get; init; }

    /// <summary>Who uploaded it (display name).</summary>
    public string? UploadedByName { get; init; }
}

/// <summary>The catalog's rules: labels, limits, who may write for which developer.</summary>
public static class CourseRules
{
    /// <summary>Largest material, bytes (10 MB).</summary>
    public const int MaxMaterialBytes = 10 * 1024 * 1024;

    /// <summary>Most materials per course.</summary>
    public const int MaxMaterials = 20;

    /// <summary>Fewest hours.</summary>
    public const decimal MinHours = 0.5m;

    /// <summary>Most hours.</summary>
    public const decimal MaxHours = 200m;

    /// <summary>Roles that add courses and materials: the program office (for any developer), a provider's or base's staff (their own).</summary>
    public static IReadOnlyList<string> Writers { get; } = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.ProviderStaff];

    /// <summary>The developer kind in Chinese.</summary>
    public static string KindName(CourseDeveloperKind kind) => kind switch
    {
        CourseDeveloperKind.Base => "继续教育基地",
        CourseDeveloperKind.Provider => "培训机构",
        CourseDeveloperKind.Association => "行业协会",
        _ => kind.ToString(),
    };

    /// <summary>The delivery mode in Chinese.</summary>
    public static string ModeName(DeliveryMode mode) => mode switch
    {
        DeliveryMode.Offline => "线下面授",
        DeliveryMode.Online => "线上",
        DeliveryMode.Mixed => "线上线下结合",
        _ => mode.ToString(),
    };

    /// <summary>Whether <paramref name="hours"/> is a course's: 0.5–200, at most two decimals.</summary>
    public static bool ValidHours(decimal hours) => hours is >= MinHours and <= MaxHours && decimal.Round(hours, 2) == hours;

    /// <summary>The problem of one material (field <c>file</c>), or null: not empty, at most 10 MB, PDF, JPEG or PNG by its bytes.</summary>
    public static FieldError? CheckMaterial(ReadOnlySpan<byte> content) =>
        content.Length == 0 ? new FieldError("file", "material_empty", "请选择要上传的课程资料（不能是空文件）。")
        : content.Length > MaxMaterialBytes ? new FieldError("file", "material_too_large", $"课程资料最大 {MaxMaterialBytes / 1024 / 1024} MB。")
        : EvidenceContent.Detect(content) is null ? new FieldError("file", "material_type_not_allowed", "课程资料应为 PDF、JPG 或 PNG 文件（按文件内容识别，与扩展名无关）。")
        : null;
}
