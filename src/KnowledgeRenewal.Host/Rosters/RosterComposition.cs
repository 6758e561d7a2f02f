namespace KnowledgeRenewal.Host.Rosters;

/// <summary>Wiring of training classes and their rosters.</summary>
public static class RosterComposition
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddRosters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRosters(this IEndpointRouteBuilder endpoints) => endpoints;
}
