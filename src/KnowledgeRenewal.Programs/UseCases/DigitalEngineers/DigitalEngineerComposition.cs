using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>Wiring of digital-technology-engineer cultivation (handlers and the demo seeder are found by scanning).</summary>
public static class DigitalEngineerComposition
{
    /// <summary>Registers the access rules.</summary>
    public static IServiceCollection AddDigitalEngineers(this IServiceCollection services) => services.AddScoped<DigitalEngineerAccess>();

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDigitalEngineers(this IEndpointRouteBuilder endpoints) => endpoints.MapDigitalEngineersApi();
}
