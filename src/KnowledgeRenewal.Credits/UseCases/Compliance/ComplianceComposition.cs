using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>Wiring of compliance per person and cycle, summaries, bulk recomputation and what-if.</summary>
public static class ComplianceComposition
{
    /// <summary>
    /// Registers the services. The ledger handler (<see cref="ComplianceLedgerHandler"/>), request handlers,
    /// validators, mappings and the demo seeder are found by scanning.
    /// </summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<ComplianceRules>();
        services.AddSingleton<BulkRecomputation>();
        services.AddSingleton<RecomputeJobs>();
        services.AddScoped<ComplianceRecomputer>();
        services.AddHostedService<RecomputeWorker>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCompliance(this IEndpointRouteBuilder endpoints) => endpoints.MapComplianceApi();
}
