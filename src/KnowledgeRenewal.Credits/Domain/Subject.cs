using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// A subject of the platform's catalog: a public subject owned by the core, or a professional subject
/// declared by a department module. Rows are synchronised from the declarations at start-up and never deleted.
/// </summary>
public sealed class Subject
{
    /// <summary>Scope name of the core's public-subject catalog.</summary>
    public const string PublicScope = "public";

    /// <summary>Stable key <c>{scope}:{code}</c>, e.g. <c>public:GX-WLAQ</c> or <c>health:WS-JZYX</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The code within its catalog.</summary>
    public required string Code { get; init; }

    /// <summary>Chinese name.</summary>
    public required string Name { get; set; }

    /// <summary>Public or professional.</summary>
    public CreditCategory Category { get; set; }

    /// <summary>Discipline or field, in Chinese.</summary>
    public required string Discipline { get; set; }

    /// <summary>Credit hours a full course usually earns (exact to 0.01).</summary>
    public decimal DefaultCreditHours { get; set; }

    /// <summary>Active or retired.</summary>
    public SubjectStatus Status { get; set; }

    /// <summary>Optional Chinese description.</summary>
    public string? Description { get; set; }

    /// <summary>The module that declares it; null for public subjects.</summary>
    public string? ModuleKey { get; set; }

    /// <summary>The declaring module.</summary>
    public InstalledModule? Module { get; set; }

    /// <summary>The owning department (public subjects belong to the HR and social security bureau).</summary>
    public required string DepartmentCode { get; set; }

    /// <summary>The owning department.</summary>
    public Department? Department { get; set; }

    /// <summary>When the row last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The key of a subject in a scope.</summary>
    public static string KeyOf(string scope, string code) => $"{scope}:{code}";
}

/// <summary>Whether a subject takes new records.</summary>
public enum SubjectStatus
{
    /// <summary>In use.</summary>
    Active = 1,

    /// <summary>Kept for history, takes no new records.</summary>
    Retired = 2,
}

/// <summary>The Chinese names of a subject's states (catalog pages, the API and <c>$metadata</c>).</summary>
public static class SubjectLabels
{
    /// <summary>在用 / 已停用.</summary>
    public static string Status(SubjectStatus status) => status == SubjectStatus.Active ? "在用" : "已停用";
}
