using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Identity.Domain;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>
/// An employer (用人单位): an organization of the tree whose <see cref="Organization.Code"/> is its unified social
/// credit code. Public and non-public employers are treated alike (the seed's equal-treatment rule); ownership is
/// recorded for statistics only.
/// </summary>
public sealed class Employer : Organization, IChangeTracked
{
    /// <summary>The change number of the last insert or update, for OData delta links (set by the platform; ADR 0023).</summary>
    public long ChangeVersion { get; set; }

    /// <summary>Creates an employer.</summary>
    public Employer() => Type = OrganizationType.Employer;

    /// <summary>Public or non-public.</summary>
    public Ownership Ownership { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A training provider (施教机构): an organization with a unified social credit code that runs classes — a
/// university, research institute, association, enterprise or training institution.
/// </summary>
public sealed class TrainingProvider : Organization
{
    /// <summary>Creates a provider.</summary>
    public TrainingProvider() => Type = OrganizationType.TrainingProvider;

    /// <summary>What kind of institution it is.</summary>
    public ProviderKind Kind { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A continuing-education base (专业技术人员继续教育基地): a national, provincial or municipal designation of an
/// organization (usually a training provider), with its designation date and status; bases are assessed yearly and
/// can be revoked (exit mechanism).
/// </summary>
public sealed class EducationBase
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The base's name, e.g. 济宁市专业技术人员继续教育基地（济宁医学院）.</summary>
    public required string Name { get; set; }

    /// <summary>The designated organization.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The designated organization.</summary>
    public Organization? Organization { get; set; }

    /// <summary>National, provincial or municipal.</summary>
    public BaseLevel Level { get; set; }

    /// <summary>When it was designated.</summary>
    public DateOnly DesignatedOn { get; set; }

    /// <summary>Active, under review or revoked.</summary>
    public BaseStatus Status { get; set; } = BaseStatus.Active;

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>Ownership of an employer.</summary>
public enum Ownership
{
    /// <summary>公有制单位 (机关、事业单位、国有企业).</summary>
    Public = 1,

    /// <summary>非公有制单位 (民营企业、社会组织等).</summary>
    NonPublic = 2,
}

/// <summary>Kinds of training provider.</summary>
public enum ProviderKind
{
    /// <summary>高等院校.</summary>
    University = 1,

    /// <summary>科研院所.</summary>
    ResearchInstitute = 2,

    /// <summary>专业协会（学会）.</summary>
    Association = 3,

    /// <summary>大中型企业.</summary>
    Enterprise = 4,

    /// <summary>行业培训机构.</summary>
    TrainingInstitution = 5,
}

/// <summary>Designation levels of a base.</summary>
public enum BaseLevel
{
    /// <summary>国家级.</summary>
    National = 1,

    /// <summary>省级.</summary>
    Provincial = 2,

    /// <summary>市级.</summary>
    Municipal = 3,
}

/// <summary>A base's status.</summary>
public enum BaseStatus
{
    /// <summary>有效.</summary>
    Active = 1,

    /// <summary>整改/考核中.</summary>
    UnderReview = 2,

    /// <summary>已撤销（退出）.</summary>
    Revoked = 3,
}
