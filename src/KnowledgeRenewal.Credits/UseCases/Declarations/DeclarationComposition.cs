using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;

using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>Wiring of self-declared activities and their review.</summary>
public static class DeclarationComposition
{
    /// <summary>
    /// Registers the services: the limits (section <see cref="DeclarationOptions.Section"/>, checked now — invalid
    /// limits stop the platform) and the access rules. Handlers, validators and the demo seeder are found by scanning.
    /// </summary>
    public static IServiceCollection AddDeclarations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DeclarationOptions.Section);
        var problems = (section.Get<DeclarationOptions>() ?? new DeclarationOptions()).Check();
        if (problems.Count > 0)
        {
            throw new PlatformConfigurationException($"The declaration settings (section {DeclarationOptions.Section}) are invalid:", problems);
        }

        services.AddOptions<DeclarationOptions>().Bind(section);
        services.AddScoped<DeclarationAccess>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDeclarations(this IEndpointRouteBuilder endpoints) => endpoints.MapDeclarationsApi();
}
