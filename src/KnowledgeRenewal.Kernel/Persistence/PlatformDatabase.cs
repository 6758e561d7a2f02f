using Ardalis.Specification;
using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Security;
using KnowledgeRenewal.Sdk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>Registers the platform database: the one context built from the areas' model parts, and start-up.</summary>
public static class PlatformDatabase
{
    /// <summary>Name of the platform's migrations history table.</summary>
    public const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>
    /// Adds <see cref="PlatformDbContext"/> on the configured provider with the registered interceptors
    /// (<see cref="PlatformInterceptor"/>) and model parts (<see cref="IPlatformModelPart"/>), repositories, module
    /// database support, the local key store, reference data, demo data and the start-up initializer.
    /// </summary>
    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(database);
        services.AddPlatformModelPart<KernelModel>();
        services.AddSingleton<Changes.ChangeTombstones>();
        services.AddSingleton<Changes.ChangeVersionInterceptor>();
        services.AddSingleton(new PlatformInterceptor(200, provider => provider.GetRequiredService<Changes.ChangeVersionInterceptor>()));
        services.AddSingleton<Events.EventOutboxInterceptor>();
        services.AddSingleton(new PlatformInterceptor(210, provider => provider.GetRequiredService<Events.EventOutboxInterceptor>()));
        services.TryAddSingleton(provider => new PlatformModel([.. provider.GetServices<IPlatformModelPart>()]));
        services.AddDbContext<PlatformDbContext>((provider, options) =>
            PlatformInterceptor.AddAll(DatabaseSetup.Configure(options, database, typeof(PlatformDbContext).Assembly, HistoryTable), provider));
        services.AddScoped(typeof(IRepositoryBase<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepositoryBase<>), typeof(EfRepository<>));
        services.AddSingleton<IModuleDatabase, ModuleDatabase>();
        services.TryAddSingleton<LocalKeyStore>();
        services.AddStartupStep<ReferenceDataSeeder>();
        services.AddScoped<DemoDataRunner>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// <summary>Adds an area's share of the platform model.</summary>
    public static IServiceCollection AddPlatformModelPart<TPart>(this IServiceCollection services)
        where TPart : class, IPlatformModelPart
    {
        services.AddSingleton<IPlatformModelPart, TPart>();
        return services;
    }

    /// <summary>Adds a step the start-up runs after migrating (reference data, catalogs, the configuration audit).</summary>
    public static IServiceCollection AddStartupStep<TStep>(this IServiceCollection services)
        where TStep : class, IStartupStep
    {
        services.AddScoped<TStep>();
        services.AddScoped<IStartupStep>(provider => provider.GetRequiredService<TStep>());
        return services;
    }
}

/// <summary>Work the start-up does after migrating, in <see cref="Order"/>, as the platform itself.</summary>
public interface IStartupStep
{
    /// <summary>Name in the start-up log.</summary>
    string Name { get; }

    /// <summary>Position (reference data 10, catalogs 20, configuration audit 30).</summary>
    int Order { get; }

    /// <summary>Does the work.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
