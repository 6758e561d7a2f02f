namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>A person on a training provider's roster (so the provider may see them), read from the ledger.</summary>
internal sealed class ProviderTrainee
{
    /// <summary>The trainee.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The provider whose roster lists them.</summary>
    public Guid ProviderId { get; init; }
}
