using System.Diagnostics;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.ReferenceData;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>
/// Gets the database ready at start-up: migrates (SQLite by default, server databases on request), checks that
/// nothing is pending, writes reference data and catalogs, and seeds demo data in demo mode.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceProvider services,
    DatabaseOptions database,
    IEnumerable<ModuleDbContextRegistration> moduleContexts,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Applies pending migrations of the platform and of every enabled module's context.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var system = SystemScope.Enter();
        EnsureDataDirectory();
        foreach (var context in Contexts())
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(context.Type);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToArray();
            if (pending.Length > 0)
            {
                var name = context.Name;
                var provider = database.Provider;
                var count = pending.Length;
                Migrating(logger, name, count, provider);
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Migrates or verifies, then seeds reference data, catalogs and (in demo mode) demo data.</summary>
    public async Task InitializeAsync(bool demoMode, int demoSeed, CancellationToken cancellationToken)
    {
        // Start-up work acts as the platform itself (the data layer shows nothing to code without a caller otherwise).
        using var system = SystemScope.Enter();
        var total = Stopwatch.StartNew();
        await TimedAsync("migrations", () => database.ShouldMigrateOnStartup ? MigrateAsync(cancellationToken) : EnsureMigratedAsync(cancellationToken)).ConfigureAwait(false);

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        foreach (var step in provider.GetServices<IStartupStep>().OrderBy(s => s.Order))
        {
            await TimedAsync(step.Name, () => step.RunAsync(cancellationToken)).ConfigureAwait(false);
        }

        if (demoMode)
        {
            await TimedAsync("demo data", () => provider.GetRequiredService<DemoDataRunner>().RunAsync(demoSeed, cancellationToken)).ConfigureAwait(false);
        }

        Initialized(logger, total.ElapsedMilliseconds);
    }

    private async Task TimedAsync(string step, Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work().ConfigureAwait(false);
        StepDone(logger, step, watch.ElapsedMilliseconds);
    }

    private async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var context in Contexts())
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(context.Type);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToArray();
            if (pending.Length > 0)
            {
                problems.Add($"{context.Name} has {pending.Length} pending migration(s): {string.Join(", ", pending)}.");
            }
        }

        if (problems.Count > 0)
        {
            problems.Add("Run `dotnet run --project src/KnowledgeRenewal.Host -- migrate` (same configuration) or set Database:MigrateOnStartup=true.");
            throw new PlatformConfigurationException($"The {database.Provider} database is not migrated:", problems);
        }
    }

    private IEnumerable<(string Name, Type Type)> Contexts() =>
        moduleContexts.Select(c => ($"module '{c.ModuleKey}' ({c.ContextType.Name})", c.ContextType))
            .Prepend(("platform", typeof(PlatformDbContext)));

    private void EnsureDataDirectory()
    {
        if (database.Provider == DatabaseProvider.Sqlite && Directory.Exists(database.DataDirectory) is false)
        {
            Directory.CreateDirectory(database.DataDirectory);
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Applying {Count} migration(s) to {Context} on {Provider}")]
    private static partial void Migrating(ILogger logger, string context, int count, DatabaseProvider provider);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Start-up step {Step} took {Milliseconds} ms")]
    private static partial void StepDone(ILogger logger, string step, long milliseconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Database ready in {Milliseconds} ms")]
    private static partial void Initialized(ILogger logger, long milliseconds);
}
