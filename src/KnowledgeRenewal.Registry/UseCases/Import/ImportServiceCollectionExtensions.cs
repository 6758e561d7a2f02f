using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Domain.Import;

using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>Registers and maps the registry's bulk import and export.</summary>
public static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// Adds the import (options from <see cref="ImportOptions.Section"/>, checked now — invalid limits stop the
    /// platform), its queue, worker and progress, and the intake of requests.
    /// </summary>
    public static IServiceCollection AddRegistryImport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ImportOptions.Section);
        var problems = (section.Get<ImportOptions>() ?? new ImportOptions()).Check();
        if (problems.Count > 0)
        {
            throw new PlatformConfigurationException("The import settings (section Registry:Import) are invalid:", problems);
        }

        services.AddOptions<ImportOptions>().Bind(section);
        services.AddSingleton<ImportJobChannel>();
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportWorkFolder>();
        services.AddSingleton<ImportProcessor>();
        services.AddScoped<ImportIntake>();
        services.AddHostedService<ImportWorker>();
        return services;
    }

    /// <summary>Maps the import and export endpoints.</summary>
    public static IEndpointRouteBuilder MapRegistryImport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRegistryImportApi().MapRegistryExportApi();
}
