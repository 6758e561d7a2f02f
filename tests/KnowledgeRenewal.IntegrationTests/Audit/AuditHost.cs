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
internal sealed class AuditHost : IAsyncDisposable
{
    private readonly PlatformFactory root;

    private AuditHost(TestDatabase database, PlatformFactory root, WebApplicationFactory<Program> factory)
    {
        Database = database;
        this.root = root;
        Factory = factory;
    }

    public TestDatabase Database { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<AuditHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync();
        var all = new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["Audit:PurgeEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var root = new PlatformFactory(database, all);
        var factory = services is null ? root : root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services));
        _ = factory.Services; // start now: migrate and seed
        return new AuditHost(database, root, factory);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateSystemScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateSystemScope();
        await work(scope.ServiceProvider);
    }

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

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await root.DisposeAsync();
        await Database.DisposeAsync();
    }
}
