using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Audit;

/// <summary>
/// A platform on its own fresh database for one audit test (tests here tamper with the log, so they do not share
/// one): no demo data and no background purge, so every audit record is one the test caused or start-up wrote.
/// </summary>
internal sealed class AuditHost : PlatformFixtureBase
{
    private readonly Dictionary<string, string?> settings = new()
    {
        ["Audit:PurgeEnabled"] = "false",
    };

    private readonly Action<IServiceCollection>? services;

    private AuditHost(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }

        this.services = services;
    }

    public IServiceProvider Services => Factory.Services;

    /// <inheritdoc/>
    protected override bool DemoMode => false;

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    public static async Task<AuditHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = new AuditHost(settings, services);
        await host.InitializeAsync(); // starts now: migrate and seed
        return host;
    }

    /// <inheritdoc/>
    protected override void ConfigureServices(IServiceCollection services) => this.services?.Invoke(services);

    public Task RecordAsync(AuditEvent auditEvent) =>
        InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().RecordAsync(auditEvent, CancellationToken.None));

    /// <summary>Checks the chain without recording the check.</summary>
    public Task<AuditVerification> CheckAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().CheckAsync(CancellationToken.None));

    /// <summary>Every record in sequence order, read past the access filter.</summary>
    public Task<List<AuditRecord>> RecordsAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditRecords
            .IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking().OrderBy(r => r.Sequence).ToListAsync());

    public Task<AuditChainHead> HeadAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditChainHeads.AsNoTracking().SingleAsync());

    /// <summary>Raw SQL straight at the database, past the platform (as someone with database access would).</summary>
    public Task<int> ExecuteSqlAsync(string sql) =>
        InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(sql));
}
