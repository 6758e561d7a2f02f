using Ardalis.Specification;
using KnowledgeRenewal.Data.Providers;
using KnowledgeRenewal.Data.Security;
using KnowledgeRenewal.Data.Seeding;
using KnowledgeRenewal.Sdk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Data;

/// <summary>Registers the data layer.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Name of the platform's migrations history table.</summary>
    public const string PlatformHistoryTable = "__EFMigrationsHistory";

    /// <summary>Adds the platform database, repositories, module database support and start-up seeding.</summary>
    public static IServiceCollection AddPlatformData(this IServiceCollection services, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(database);
        services.AddDbContext<PlatformDbContext>(options =>
            DatabaseSetup.Configure(options, database, typeof(PlatformDbContext).Assembly, PlatformHistoryTable));
        services.AddScoped(typeof(IRepositoryBase<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepositoryBase<>), typeof(EfRepository<>));
        services.AddSingleton<IModuleDatabase, ModuleDatabase>();
        services.AddSingleton<LocalKeyStore>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<CatalogSynchronizer>();
        services.AddScoped<DemoDataRunner>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
