using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Credits.Web;

namespace KnowledgeRenewal.Credits;

/// <summary>
/// The credit-hours area: catalog and rule books, the ledger, classes and rosters, declarations, compliance and
/// certificates. The host adds it with <see cref="AddCreditsArea"/> and maps <see cref="MapCreditsArea"/>.
/// </summary>
public static class CreditsArea
{
    /// <summary>Registers the area: its model, the ledger guard (before the audit trail), the catalog synchronizer, its services.</summary>
    public static IServiceCollection AddCreditsArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformModelPart<CreditsModel>();
        services.AddEdmModelPart<CatalogEdm>();
        services.AddEdmModelPart<CreditsEdm>();
        services.AddEdmModelPart<ClassesEdm>();
        services.AddSingleton(new PlatformInterceptor(10, _ => LedgerGuard.Instance));
        services.AddStartupStep<CatalogSynchronizer>();
        services.AddCreditHours(configuration);
        services.AddMenuItem("学时", "学时申报", "/declarations", 210,
            PlatformRoles.Professional, PlatformRoles.EmployerHr, PlatformRoles.DepartmentAdmin, PlatformRoles.CountyAdmin, PlatformRoles.ProgramOfficeAdmin);
        return services;
    }

    /// <summary>Maps <c>/api/modules</c>, <c>/api/rules</c>, <c>/api/credit-records</c>, <c>/api/classes</c>, <c>/api/declarations</c>, compliance and certificates.</summary>
    public static IEndpointRouteBuilder MapCreditsArea(this IEndpointRouteBuilder endpoints) => endpoints.MapCatalogApi().MapCreditHours();
}
