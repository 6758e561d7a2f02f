namespace KnowledgeRenewal.Host.Declarations;

/// <summary>Wiring of self-declared activities and their review.</summary>
public static class DeclarationComposition
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddDeclarations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDeclarations(this IEndpointRouteBuilder endpoints) => endpoints;
}
