using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Kernel.Web.Ui;

namespace KnowledgeRenewal.Kernel;

/// <summary>The kernel's registration: what every area builds on.</summary>
public static class KernelServices
{
    /// <summary>
    /// Adds access scoping (the current caller), the platform database built from the areas' model parts, problem
    /// details, the reference-data feeds and the workbench menu.
    /// </summary>
    public static IServiceCollection AddKernel(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddPlatformAccess();
        services.AddPlatformDatabase(database);
        services.AddPlatformProblems();
        services.AddEdmModelPart<ReferenceDataEdm>();
        services.AddScoped<PlatformMenu>();
        return services;
    }
}
