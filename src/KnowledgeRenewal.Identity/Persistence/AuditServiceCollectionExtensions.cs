using KnowledgeRenewal.Kernel.Telemetry;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>Registers the audit log.</summary>
internal static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Adds the audit log: key, writer, <see cref="IAuditTrail"/>, the <c>SaveChanges</c> interceptor (add it to each
    /// context with <see cref="AuditDbContextOptionsExtensions.AddPlatformAudit"/>), verifier, purge and the daily
    /// background purge. Checks the <c>Audit</c> section now and throws <see cref="PlatformConfigurationException"/>
    /// (the platform refuses to start) on a retention below 180 days or an invalid chain key. Calling it again has no
    /// further effect. The host registers its <see cref="IAuditActorProvider"/> (as a singleton); without one every
    /// record names the platform itself.
    /// </summary>
    public static IServiceCollection AddPlatformAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AuditWriter)))
        {
            return services;
        }

        var section = configuration.GetSection(AuditOptions.Section);
        var options = section.Get<AuditOptions>() ?? new AuditOptions();
        var problems = options.Check().Concat(AuditKey.Check(configuration)).ToArray();
        if (problems.Length > 0)
        {
            throw new PlatformConfigurationException("The audit log configuration (section Audit) is invalid:", problems);
        }

        services.AddOptions<AuditOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalKeyStore>();
        services.TryAddSingleton<IAuditActorProvider, SystemAuditActorProvider>();
        services.AddSingleton<AuditKey>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<IBulkAuditWriter>(provider => provider.GetRequiredService<AuditWriter>());
        services.AddSingleton<AuditSaveChangesInterceptor>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditPurger>();
        services.AddHostedService<AuditPurgeService>();
        if (options.PurgeEnabled)
        {
            services.AddWorkerHealthCheck(AuditPurgeService.Worker, AuditPurgeService.StallAfter);
        }
        return services;
    }

    /// <summary>The actor when the host provides none: the platform itself.</summary>
    private sealed class SystemAuditActorProvider : IAuditActorProvider
    {
        public AuditActor Current => AuditActor.System;
    }
}
