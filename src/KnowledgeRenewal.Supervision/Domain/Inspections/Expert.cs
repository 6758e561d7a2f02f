namespace KnowledgeRenewal.Supervision.Domain.Inspections;

/// <summary>
/// An expert of the pool (专家库): drawn as an inspector of a double-random inspection (and, through Programs' port,
/// as a project reviewer). Name, specialty, title, organization and region are shown; the phone and the ID number are
/// personal data, shown masked and unmasked only by the program office with an audit record.
/// </summary>
public sealed class Expert
{
    /// <summary>Longest name.</summary>
    public const int NameLength = 32;

    /// <summary>Longest specialty, title or organization name.</summary>
    public const int TextLength = 64;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The expert's name.</summary>
    public required string Name { get; set; }

    /// <summary>Specialty (专业领域), e.g. 临床医学.</summary>
    public required string Specialty { get; set; }

    /// <summary>Professional title (职称), e.g. 主任医师.</summary>
    public required string Title { get; set; }

    /// <summary>The expert's organization on the platform, when it is registered (checked for conflicts of interest).</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The organization's name as shown.</summary>
    public required string OrganizationName { get; set; }

    /// <summary>The county (区划代码) the expert works in.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Mobile number (personal data).</summary>
    public required string Phone { get; set; }

    /// <summary>Resident ID number (personal data), if recorded.</summary>
    public string? IdNumber { get; set; }

    /// <summary>Whether the expert is drawn (an expert who left the pool stays on past inspections).</summary>
    public bool Active { get; set; } = true;

    /// <summary>When the expert was added (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>Who added the expert.</summary>
    public string? CreatedByName { get; init; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
