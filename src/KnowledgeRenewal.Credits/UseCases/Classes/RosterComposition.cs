using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Registry.Contracts;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>
/// Wiring of training classes and their rosters: the roster intake and the roster job (run by the registry's import
/// worker), the <c>/api/classes</c> endpoints. Request handlers, validators, mappings and the demo seeder are found
/// by scanning.
/// </summary>
public static class RosterComposition
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddRosters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<RosterIntake>();
        services.AddScoped<IRosterImport, RosterImport>();
        services.AddScoped<ITrainingFacts, TrainingFacts>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRosters(this IEndpointRouteBuilder endpoints) => endpoints.MapClassesApi();
}
