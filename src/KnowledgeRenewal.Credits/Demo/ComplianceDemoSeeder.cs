using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Demo;

/// <summary>
/// Demo data ends with compliance computed for every demo person and every demo year (2023 to this year): a bulk
/// recomputation after every other seeder (registry, ledger, rosters, declarations) has run. Idempotent: rows that
/// are right already are left alone, so running it again writes nothing.
/// </summary>
public sealed class ComplianceDemoSeeder(PlatformDbContext db, BulkRecomputation bulk, TimeProvider clock) : IDemoDataSeeder
{
    /// <inheritdoc />
    public string Key => "core.compliance";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 90;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var last = Math.Min(context.LastYear, ProgramCalendar.Today(clock).Year);
        var years = Enumerable.Range(context.FirstYear, Math.Max(0, last - context.FirstYear + 1)).ToArray();
        await bulk.RunAsync(db, years, moduleKey: null, AuditActor.System, progress: null, cancellationToken).ConfigureAwait(false);
    }
}
