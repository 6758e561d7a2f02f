using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;

namespace KnowledgeRenewal.Kernel.Demo;

/// <summary>Runs the demo seeders of the core and the enabled modules, each once per data-set version.</summary>
public sealed partial class DemoDataRunner(
    PlatformDbContext db,
    IEnumerable<IDemoDataSeeder> seeders,
    TimeProvider clock,
    ILogger<DemoDataRunner> logger)
{
    /// <summary>Runs every seeder that has not run at its current version.</summary>
    public async Task RunAsync(int platformSeed, CancellationToken cancellationToken)
    {
        var done = await db.DemoSeedRuns.ToDictionaryAsync(r => r.SeederKey, cancellationToken).ConfigureAwait(false);
        foreach (var seeder in seeders.OrderBy(s => s.Order).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            if (done.TryGetValue(seeder.Key, out var run) && run.Version >= seeder.Version)
            {
                continue;
            }

            var key = seeder.Key;
            var version = seeder.Version;
            Seeding(logger, key, version);
            await seeder.SeedAsync(new DemoSeedContext(platformSeed, seeder.Key), cancellationToken).ConfigureAwait(false);
            if (run is null)
            {
                db.DemoSeedRuns.Add(new DemoSeedRun { SeederKey = seeder.Key, Version = seeder.Version, SeededAt = clock.GetUtcNow().UtcDateTime });
            }
            else
            {
                run.Version = seeder.Version;
                run.SeededAt = clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Seeding demo data {Seeder} v{Version}")]
    private static partial void Seeding(ILogger logger, string seeder, int version);
}
