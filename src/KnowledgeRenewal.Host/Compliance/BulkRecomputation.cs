using System.Diagnostics;
using System.Globalization;
using KnowledgeRenewal.Core;
using KnowledgeRenewal.Core.Audit;
using KnowledgeRenewal.Core.Compliance;
using KnowledgeRenewal.Data;
using KnowledgeRenewal.Data.Audit;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Host.Compliance;

/// <summary>What a bulk recomputation did.</summary>
/// <param name="People">Person-cycles evaluated (people who are in service, or have records in the cycle).</param>
/// <param name="Records">Credit records read.</param>
/// <param name="Counts">Rows inserted, updated, deleted and left as they were.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Phases">Where the time went (reading, evaluating, writing).</param>
public sealed record BulkOutcome(int People, long Records, ComplianceWriteCounts Counts, TimeSpan Elapsed, BulkPhases Phases);

/// <summary>Where a bulk recomputation's time went.</summary>
/// <param name="Read">Reading people, records and stored rows.</param>
/// <param name="Evaluate">Evaluating the rules.</param>
/// <param name="Write">Writing rows and audit records, committing.</param>
public sealed record BulkPhases(TimeSpan Read, TimeSpan Evaluate, TimeSpan Write)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"read {Read.TotalSeconds:F2} s, evaluate {Evaluate.TotalSeconds:F2} s, write {Write.TotalSeconds:F2} s");
}

/// <summary>How far a bulk recomputation is.</summary>
/// <param name="Total">Person-cycles to look at.</param>
/// <param name="Done">Person-cycles looked at.</param>
public readonly record struct BulkProgress(int Total, int Done);

/// <summary>
/// Recomputes the compliance of every professional (or of one module's) for some years, fast: one pass per rule
/// book and cycle; each pass splits its people into chunks of <see cref="ChunkSize"/> by key and, per chunk, in one
/// transaction (which holds off concurrent incremental writers until it commits), streams the people with their
/// records of the cycle ordered by person with a raw <see cref="System.Data.Common.DbDataReader"/>, evaluates each
/// with <see cref="CreditEvaluator"/> and writes the rows with prepared statements (<see cref="ComplianceRowWriter"/>:
/// multi-row inserts, updates of changed rows only) plus one audit summary. People in service without records get
/// their status from the rules; people who retired or left get a row only when they have records in the cycle. The
/// rows are exactly those the incremental recomputation writes. A failure leaves earlier chunks committed (each is
/// consistent; running it again finishes the work).
/// </summary>
public sealed partial class BulkRecomputation(ComplianceRules rules, AuditWriter auditWriter, TimeProvider clock, ILogger<BulkRecomputation> logger)
{
    /// <summary>People per chunk (one transaction each).</summary>
    public const int ChunkSize = 5000;

    /// <summary>
    /// Recomputes the cycles containing <paramref name="years"/> for every professional, or only for those governed by
    /// the module <paramref name="moduleKey"/> (<c>platform</c>: those governed by the platform's default rules), on
    /// <paramref name="db"/> (whose caller must be entitled to the whole population — the platform or the program office).
    /// </summary>
    public async Task<BulkOutcome> RunAsync(
        PlatformDbContext db, IReadOnlyCollection<int> years, string? moduleKey, AuditActor actor, IProgress<BulkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(actor);
        var watch = Stopwatch.StartNew();
        var books = moduleKey is null ? rules.All.ToList() : [rules.Book(moduleKey) ?? throw new ArgumentException($"No rule book '{moduleKey}'.", nameof(moduleKey))];
        var today = ProgramCalendar.Today(clock);
        var counts = new ComplianceWriteCounts();
        var evaluated = 0;
        long records = 0;
        var phases = new PhaseClock();

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The passes: each book's distinct cycles (years 2023–2026 are one cycle of education's five years).
            var passes = new List<(RuleBook Book, PersonRecordStream Stream, List<Guid> People, (int Year, CycleWindow Cycle)[] Cycles)>();
            foreach (var book in books)
            {
                var stream = new PersonRecordStream(db, DepartmentFilter.For(rules, book.Scope));
                var cycles = years.Order().Select(y => (Year: y, Cycle: ComplianceRules.CycleOf(book, y))).DistinctBy(c => c.Cycle).ToArray();
                passes.Add((book, stream, await stream.PeopleAsync(cancellationToken).ConfigureAwait(false), cycles));
            }

            var total = passes.Sum(p => p.People.Count * p.Cycles.Length);
            var done = 0;
            progress?.Report(new BulkProgress(total, 0));
            foreach (var (book, stream, people, cycles) in passes)
            {
                foreach (var (year, cycle) in cycles)
                {
                    Guid? after = null;
                    foreach (var chunk in people.Chunk(ChunkSize))
                    {
                        var (chunkPeople, read, written) = await ChunkAsync(db, stream, book, year, cycle, after, chunk[^1], today, actor, phases, cancellationToken).ConfigureAwait(false);
                        evaluated += chunkPeople;
                        records += read;
                        counts.Add(written);
                        after = chunk[^1];
                        done += chunk.Length;
                        progress?.Report(new BulkProgress(total, done));
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        watch.Stop();
        var outcome = new BulkOutcome(evaluated, records, counts, watch.Elapsed, phases.Phases);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var yearList = string.Join(",", years.Order());
            Finished(logger, yearList, moduleKey ?? "all", evaluated, records, counts.Inserted, counts.Updated, counts.Deleted, counts.Unchanged, watch.Elapsed.TotalSeconds);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            PhaseTimes(logger, outcome.Phases);
        }
        return outcome;
    }

    private async Task<(int People, long Records, ComplianceWriteCounts Counts)> ChunkAsync(
        PlatformDbContext db, PersonRecordStream stream, RuleBook book, int year, CycleWindow cycle, Guid? after, Guid last, DateOnly today, AuditActor actor, PhaseClock phases, CancellationToken cancellationToken)
    {
        var mark = Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await PersonLocks.LockTableAsync(db, cancellationToken).ConfigureAwait(false);
        var people = await stream.ChunkAsync(after, last, cycle.StartYear, cycle.EndYear, cancellationToken).ConfigureAwait(false);
        var stored = (await stream.StoredAsync(after, last, cycle.StartYear, cycle.EndYear, cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.Values.ProfessionalId);
        mark = PhaseClock.Add(ref phases.ReadTicks, mark);
        using var writer = new ComplianceRowWriter(db, clock.GetUtcNow().UtcDateTime);
        var evaluated = 0;
        long records = 0;

        // Evaluate the whole chunk, then write it (the phases are timed per chunk, not per person).
        var rows = new List<ComplianceRow>(people.Count);
        foreach (var person in people)
        {
            if (!person.Owner.Active && person.Entries.Count == 0)
            {
                continue;
            }

            evaluated++;
            records += person.Entries.Count;
            var result = rules.Assess(book, year, person.Entries, today);
            rows.Add(ComplianceRow.Of(person.Owner, book.Scope, result));
        }

        mark = PhaseClock.Add(ref phases.EvaluateTicks, mark);
        foreach (var row in rows)
        {
            writer.Apply(row, stored[row.ProfessionalId]);
        }

        writer.Flush();
        var details = string.Create(CultureInfo.InvariantCulture, $"recompute=bulk; rules={book.Scope}; cycle={cycle}");
        await writer.AppendAuditAsync(db, auditWriter, actor, details, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        PhaseClock.Add(ref phases.WriteTicks, mark);
        return (evaluated, records, writer.Counts);
    }

    [LoggerMessage(EventId = 5501, Level = LogLevel.Debug, Message = "Bulk compliance phases: {Phases}")]
    private static partial void PhaseTimes(ILogger logger, BulkPhases phases);

    [LoggerMessage(EventId = 5500, Level = LogLevel.Information, Message = "Compliance recomputed for years {Years} ({Scope}): {People} person-cycles, {Records} records; {Inserted} inserted, {Updated} updated, {Deleted} deleted, {Unchanged} unchanged in {Seconds:F1} s")]
    private static partial void Finished(ILogger logger, string years, string scope, int people, long records, int inserted, int updated, int deleted, int unchanged, double seconds);

    /// <summary>Accumulates the phases' times (one pass at a time; not thread-safe).</summary>
    private sealed class PhaseClock
    {
        public long ReadTicks;
        public long EvaluateTicks;
        public long WriteTicks;

        public BulkPhases Phases => new(Stopwatch.GetElapsedTime(0, ReadTicks), Stopwatch.GetElapsedTime(0, EvaluateTicks), Stopwatch.GetElapsedTime(0, WriteTicks));

        /// <summary>Adds the time since <paramref name="mark"/> to <paramref name="phase"/>; returns now.</summary>
        public static long Add(ref long phase, long mark)
        {
            var now = Stopwatch.GetTimestamp();
            phase += now - mark;
            return now;
        }
    }
}
