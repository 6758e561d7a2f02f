using KnowledgeRenewal.Kernel.ReferenceData;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// A module this database has seen. Rows are written when an enabled module starts and never deleted, so a
/// module's recorded data keeps its owner while the module is switched off. Queries only see enabled modules.
/// </summary>
public sealed class InstalledModule
{
    /// <summary>The module key.</summary>
    public required string Key { get; init; }

    /// <summary>Chinese name.</summary>
    public required string NameZh { get; set; }

    /// <summary>English name.</summary>
    public required string NameEn { get; set; }

    /// <summary>Chinese description.</summary>
    public string? Description { get; set; }

    /// <summary>The owning line department.</summary>
    public required string DepartmentCode { get; set; }

    /// <summary>The owning line department.</summary>
    public Department? Department { get; set; }

    /// <summary>Module version last started.</summary>
    public required string Version { get; set; }

    /// <summary>SDK version the module was built against.</summary>
    public required string RequiresSdk { get; set; }

    /// <summary>Number of active subjects in its catalog.</summary>
    public int SubjectCount { get; set; }

    /// <summary>When the module first started on this database (UTC).</summary>
    public DateTime FirstStartedAt { get; set; }

    /// <summary>When the module last started on this database (UTC).</summary>
    public DateTime LastStartedAt { get; set; }

    /// <summary>The module's catalog.</summary>
    public ICollection<Subject> Subjects { get; } = [];
}
