using System.Diagnostics;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Credits.UseCases.DigitalHours;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Demo;

/// <summary>
/// The demo's digital-engineer trainings (seeded by Programs, Order 60) get their hours as a recorded training gets
/// them: every training's facts go through <see cref="DigitalTrainingLedger"/> in one batch — the passed ones become
/// approved professional-subject records (source 数字技术工程师培训), flagged ones pending, compliance recomputed.
/// Runs before the demo certificates (Order 80), so the trainees' certificates of past years list the hours.
/// Idempotent: once such records exist, it does nothing (and the ledger itself never credits a training twice).
/// </summary>
public sealed partial class DigitalTrainingHoursDemoSeeder(PlatformDbContext db, DigitalTrainingLedger ledger, ILogger<DigitalTrainingHoursDemoSeeder> logger) : IDemoDataSeeder
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public string Key => "digital-engineers.hours";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 70;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.CreditRecords.IgnoreQueryFilters(AccessScope).AnyAsync(r => r.Source == RecordSource.DigitalTraining, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var facts = await (
                from t in db.DigitalTrainings.IgnoreQueryFilters(AccessScope)
                join i in db.DigitalInstitutions on t.InstitutionId equals i.Id
                orderby t.RecordedAt, t.Id
                select new DigitalTrainingFacts(
                    t.Id, t.ProfessionalId, i.OrganizationId, i.OrganizationName, t.Field, t.Level, t.StartDate, t.EndDate, t.Hours, t.Passed,
                    t.RecordedByUserId, t.RecordedByName, null))
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var written = await ledger.ApplyAsync(db, facts, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Seeded(logger, written, facts.Count, elapsedMs);
    }

    [LoggerMessage(EventId = 2190, Level = LogLevel.Information, Message = "Seeded {Records} demo digital-engineer training credit records from {Trainings} trainings in {ElapsedMs:F0} ms")]
    private static partial void Seeded(ILogger logger, int records, int trainings, double elapsedMs);
}
