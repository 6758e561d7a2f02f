using Ardalis.Specification;
using KnowledgeRenewal.Core.Registry;
using KnowledgeRenewal.Data.Audit;
using KnowledgeRenewal.Data.Ledger;
using KnowledgeRenewal.Data.Providers;
using KnowledgeRenewal.Data.Security;
using KnowledgeRenewal.Data.Seeding;
using KnowledgeRenewal.Sdk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Data;

/// <summary>Registers the data layer.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Name of the platform's migrations history table.</summary>
    public const string PlatformHistoryTable = "__EFMigrationsHistory";

    /// <summary>Adds the platform database (every write audited), repositories, module database support, the audit log and start-up seeding.</summary>
    public static IServiceCollection AddPlatformData(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddPlatformAudit(configuration);
        services.AddSingleton(database);
        services.AddDbContext<PlatformDbContext>((provider, options) =>
            DatabaseSetup.Configure(options, database, typeof(PlatformDbContext).Assembly, PlatformHistoryTable)
                .AddInterceptors(LedgerGuard.Instance)
                .AddPlatformAudit(provider));
        services.AddScoped(typeof(IRepositoryBase<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepositoryBase<>), typeof(EfRepository<>));
        services.AddSingleton<IModuleDatabase, ModuleDatabase>();
        services.AddSingleton<LocalKeyStore>();
        services.AddSingleton<IPersonalDataProtector, PersonalDataProtector>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<CatalogSynchronizer>();
        services.AddScoped<ConfigurationAuditor>();
        services.AddScoped<DemoDataRunner>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
