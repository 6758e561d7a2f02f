using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Credits.UseCases.Classes;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>
/// Wiring of the credit-hour core: the ledger, rosters, declarations, compliance and certificates. Each area
/// registers itself; ledger change handlers (<see cref="ILedgerChangeHandler"/>) are found by scanning.
/// </summary>
public static class CreditHoursComposition
{
    /// <summary>Registers the services of every credit-hour area.</summary>
    public static IServiceCollection AddCreditHours(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<LedgerChanges>();
        services.AddScoped<LedgerCatalog>();
        services.Scan(scan => scan
            .FromAssemblyOf<LedgerChanges>()
            .AddClasses(c => c.AssignableTo<ILedgerChangeHandler>())
                .As<ILedgerChangeHandler>()
                .WithScopedLifetime());
        return services
            .AddRosters(configuration)
            .AddDeclarations(configuration)
            .AddCompliance(configuration)
            .AddCertificates(configuration);
    }

    /// <summary>Maps the endpoints of every credit-hour area.</summary>
    public static IEndpointRouteBuilder MapCreditHours(this IEndpointRouteBuilder endpoints) =>
        endpoints
            .MapLedger()
            .MapRosters()
            .MapDeclarations()
            .MapCompliance()
            .MapCertificates();
}
