using KnowledgeRenewal.Kernel.Telemetry;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>Registers the registry's bulk import.</summary>
internal static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// Adds the import (options from <see cref="ImportOptions.Section"/>, checked now — invalid limits stop the
    /// platform), its queue, worker and progress, and the intake of requests (published as <see cref="IImportIntake"/>
    /// and <see cref="IImportProgress"/> for the jobs other areas hand to the worker).
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
        services.AddSingleton<IImportProgress>(provider => provider.GetRequiredService<ImportProgress>());
        services.AddSingleton<ImportWorkFolder>();
        services.AddSingleton<ImportProcessor>();
        services.AddScoped<IImportIntake, ImportIntake>();
        services.AddScoped<IImportJobReader, ImportJobReader>();
        services.AddHostedService<ImportWorker>();
        services.AddWorkerHealthCheck(ImportWorker.Worker, ImportWorker.StallAfter);
        return services;
    }
}
