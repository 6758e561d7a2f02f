using KnowledgeRenewal.Kernel.ReferenceData;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// An organization of the program, in one tree: the program office at the root, the county bureaus and line
/// departments under it, training providers, continuing-education bases and employers under their region's bureau
/// (or their department). Accounts belong to an organization; its region and sector decide what its staff see.
/// </summary>
public class Organization
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stable, unique code: <c>PO</c>, <c>CB-370811</c>, <c>LD-health</c>, or the unified social credit code.</summary>
    public required string Code { get; init; }

    /// <summary>Official Chinese name.</summary>
    public required string Name { get; set; }

    /// <summary>What kind of organization it is.</summary>
    public OrganizationType Type { get; set; }

    /// <summary>The parent in the tree; null only for the program office.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>The parent organization.</summary>
    public Organization? Parent { get; set; }

    /// <summary>The region it belongs to (the city for city-level bodies).</summary>
    public required string RegionCode { get; set; }

    /// <summary>The region.</summary>
    public Region? Region { get; set; }

    /// <summary>The sector (line department code) it belongs to, where one applies.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>The sector's department.</summary>
    public Department? Department { get; set; }

    /// <summary>Whether it is active (inactive organizations keep their history).</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>When it was registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>Kinds of organization.</summary>
public enum OrganizationType
{
    /// <summary>市人社局专业技术人员管理科 — the program office.</summary>
    ProgramOffice = 1,

    /// <summary>县（市、区）人社部门 — a county-level HR and social security bureau.</summary>
    CountyBureau = 2,

    /// <summary>行业主管部门 — a line department.</summary>
    LineDepartment = 3,

    /// <summary>施教机构 — a training provider.</summary>
    TrainingProvider = 4,

    /// <summary>继续教育基地 — an organization that is primarily a continuing-education base (rare; bases are usually a provider's designation, the registry's base designations).</summary>
    EducationBase = 5,

    /// <summary>用人单位 — an employer (public or non-public, treated alike).</summary>
    Employer = 6,
}
