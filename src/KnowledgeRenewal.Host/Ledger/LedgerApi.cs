namespace KnowledgeRenewal.Host.Ledger;

/// <summary>The ledger's REST endpoints: records, reviews, revocations and corrections, transcripts.</summary>
public static class LedgerApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder endpoints) => endpoints;
}
