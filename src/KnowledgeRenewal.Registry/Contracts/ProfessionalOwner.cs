namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// Who a professional belongs to now (region, sector, employer, own account), read straight from the registry
/// without the professionals' scope filter: the credit data's scope filters ask it whether the caller may see a
/// person's records (other areas use it in theirs: it is the registry's published answer to "whose is this person").
/// Not a set of its own; it is never written.
/// </summary>
public sealed class ProfessionalOwner
{
    /// <summary>The professional.</summary>
    public Guid Id { get; init; }

    /// <summary>Their region now.</summary>
    public required string RegionCode { get; init; }

    /// <summary>Their sector now.</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>Their employer now.</summary>
    public Guid EmployerId { get; init; }

    /// <summary>Their own account, if any.</summary>
    public Guid? UserId { get; init; }
}
