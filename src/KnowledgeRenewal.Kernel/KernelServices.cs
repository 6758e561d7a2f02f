using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;

namespace KnowledgeRenewal.Kernel;

/// <summary>The kernel's registration: what every area builds on.</summary>
public static class KernelServices
{
    /// <summary>
    /// Adds access scoping (the current caller), the platform database built from the areas' model parts, problem
    /// details, and the reference-data feeds.
    /// </summary>
    public static IServiceCollection AddKernel(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddPlatformAccess();
        services.AddPlatformDatabase(database);
        services.AddPlatformProblems();
        services.AddEdmModelPart<ReferenceDataEdm>();
        return services;
    }
}
