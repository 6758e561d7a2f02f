namespace KnowledgeRenewal.Data;

/// <summary>
/// Who a professional belongs to now (region, sector, employer, own account), read straight from the registry
/// without the professionals' scope filter: the credit data's scope filters ask it whether the caller may see a
/// person's records. Not a set of its own; it is never written.
/// </summary>
internal sealed class ProfessionalOwner
{
    public Guid Id { get; init; }

    public required string RegionCode { get; init; }

    public required string DepartmentCode { get; init; }

    public Guid EmployerId { get; init; }

    public Guid? UserId { get; init; }
}

/// <summary>A person on a training provider's roster (so the provider may see them), read from the ledger.</summary>
internal sealed class ProviderTrainee
{
    public Guid ProfessionalId { get; init; }

    public Guid ProviderId { get; init; }
}
