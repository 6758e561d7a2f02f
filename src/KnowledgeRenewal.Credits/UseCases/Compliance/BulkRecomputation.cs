using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using System.Diagnostics;
using System.Globalization;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

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
/// Recomputes the compliance of every professional (or of one module's) for some years, fast: one pass per year over
/// the people in key order, each evaluated under their department's rule book (<see cref="ComplianceRules.BookFor"/>,
/// as the incremental recomputation does) for the book's cycle containing the year — unless an earlier year's pass did
/// that cycle already (two years of education's five-year cycle are one cycle). Each pass splits its people into
/// chunks of <see cref="ChunkSize"/> (or the caller's size) by key and, per chunk, in one transaction (which holds off concurrent incremental
/// writers until it commits), streams the people with their records of their own cycle ordered by person with a raw
/// <see cref="System.Data.Common.DbDataReader"/>, evaluates each with <see cref="CreditEvaluator"/> and writes the
/// rows with prepared statements (<see cref="ComplianceRowWriter"/>: multi-row inserts, updates of changed rows only)
/// plus one audit summary. People in service without records get their status from the rules; people who retired or
/// left get a row only when they have records in the cycle. The rows are exactly those the incremental recomputation
/// writes. A failure leaves earlier chunks committed (each is consistent; running it again finishes the work).
/// </summary>
public sealed partial class BulkRecomputation(ComplianceRules rules, IBulkAuditWriter auditWriter, TimeProvider clock, ILogger<BulkRecomputation> logger)
{
    /// <summary>People per chunk (one transaction each).</summary>
    public const int ChunkSize = 5000;

    /// <summary>
    /// Recomputes the cycles containing <paramref name="years"/> for every professional, or only for those governed by
    /// the module <paramref name="moduleKey"/> (<c>platform</c>: those governed by the platform's default rules), on
    /// <paramref name="db"/> (whose caller must be entitled to the whole population — the platform or the program office),
    /// <see cref="ChunkSize"/> people per transaction.
    /// </summary>
    public Task<BulkOutcome> RunAsync(
        PlatformDbContext db, IReadOnlyCollection<int> years, string? moduleKey, AuditActor actor, IProgress<BulkProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(db, years, moduleKey, actor, progress, ChunkSize, cancellationToken);

    /// <summary>As <see cref="RunAsync(PlatformDbContext, IReadOnlyCollection{int}, string?, AuditActor, IProgress{BulkProgress}?, CancellationToken)"/>, <paramref name="chunkSize"/> people per transaction.</summary>
    public async Task<BulkOutcome> RunAsync(
        PlatformDbContext db, IReadOnlyCollection<int> years, string? moduleKey, AuditActor actor, IProgress<BulkProgress>? progress, int chunkSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
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

        // The passes: per year, each book's cycle containing it that no earlier year's pass covered.
        var covered = new HashSet<(string Scope, CycleWindow Cycle)>();
        var passes = new List<Pass>();
        foreach (var year in years.Distinct().Order())
        {
            var cycles = books.Select(b => (b.Scope, Cycle: ComplianceRules.CycleOf(b, year))).Where(covered.Add).ToDictionary(c => c.Scope, c => c.Cycle, StringComparer.Ordinal);
            if (cycles.Count > 0)
            {
                passes.Add(new Pass(year, cycles, Windows(cycles)));
            }
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = new PersonRecordStream(db, moduleKey is null ? DepartmentFilter.Everyone : DepartmentFilter.For(rules, books[0].Scope));
            var people = passes.Count == 0 ? [] : await stream.PeopleAsync(cancellationToken).ConfigureAwait(false);
            var total = people.Count * passes.Count;
            var done = 0;
            progress?.Report(new BulkProgress(total, 0));
            foreach (var pass in passes)
            {
                Guid? after = null;
                foreach (var chunk in people.Chunk(chunkSize))
                {
                    var (chunkPeople, read, written) = await ChunkAsync(db, stream, pass, after, chunk[^1], today, actor, phases, cancellationToken).ConfigureAwait(false);
                    evaluated += chunkPeople;
                    records += read;
                    counts.Add(written);
                    after = chunk[^1];
                    done += chunk.Length;
                    progress?.Report(new BulkProgress(total, done));
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

    // The credit years each department's people are read for: the cycle of their department's book in the pass, or
    // none when that book has no cycle in the pass (done in an earlier year's pass, or another module's run).
    private RecordWindows Windows(Dictionary<string, CycleWindow> cycles)
    {
        (int From, int To) Of(RuleBook book) =>
            cycles.TryGetValue(book.Scope, out var cycle) ? (cycle.StartYear, cycle.EndYear) : RecordWindows.Nothing;

        var others = Of(rules.Book(PlatformCreditRules.Scope)!);
        var departments = rules.ModuleDepartments.Select(d => (Department: d, Window: Of(rules.BookFor(d)))).Select(d => (d.Department, d.Window.From, d.Window.To)).ToList();
        return new RecordWindows(departments, others.From, others.To);
    }

    private async Task<(int People, long Records, ComplianceWriteCounts Counts)> ChunkAsync(
        PlatformDbContext db, PersonRecordStream stream, Pass pass, Guid? after, Guid last, DateOnly today, AuditActor actor, PhaseClock phases, CancellationToken cancellationToken)
    {
        var mark = Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await PersonLocks.LockTableAsync(db, cancellationToken).ConfigureAwait(false);
        var people = await stream.ChunkAsync(after, last, pass.Windows, cancellationToken).ConfigureAwait(false);

        // The stored rows overlapping any of the pass's cycles (the writer only looks at those overlapping the person's).
        var stored = (await stream.StoredAsync(after, last, pass.Cycles.Values.Min(c => c.StartYear), pass.Cycles.Values.Max(c => c.EndYear), cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.Values.ProfessionalId);
        mark = PhaseClock.Add(ref phases.ReadTicks, mark);
        using var writer = new ComplianceRowWriter(db, clock.GetUtcNow().UtcDateTime);
        var evaluated = 0;
        long records = 0;

        // Evaluate the whole chunk, then write it (the phases are timed per chunk, not per person).
        var rows = new List<ComplianceRow>(people.Count);
        var bookOf = new Dictionary<string, RuleBook>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            var department = person.Owner.DepartmentCode;
            if (!bookOf.TryGetValue(department, out var book))
            {
                bookOf[department] = book = rules.BookFor(department);
            }

            if (!pass.Cycles.ContainsKey(book.Scope) || (!person.Owner.Active && person.Entries.Count == 0))
            {
                continue;
            }

            evaluated++;
            records += person.Entries.Count;
            var result = rules.Assess(book, pass.Year, person.Entries, today);
            rows.Add(ComplianceRow.Of(person.Owner, book.Scope, result));
        }

        mark = PhaseClock.Add(ref phases.EvaluateTicks, mark);
        foreach (var row in rows)
        {
            writer.Apply(row, stored[row.ProfessionalId]);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        var details = "recompute=bulk; rules=" + string.Join(",", pass.Cycles.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}:{c.Value}"));
        await writer.AppendAuditAsync(auditWriter, actor, details, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        PhaseClock.Add(ref phases.WriteTicks, mark);
        return (evaluated, records, writer.Counts);
    }

    [LoggerMessage(EventId = 5501, Level = LogLevel.Debug, Message = "Bulk compliance phases: {Phases}")]
    private static partial void PhaseTimes(ILogger logger, BulkPhases phases);

    [LoggerMessage(EventId = 5500, Level = LogLevel.Information, Message = "Compliance recomputed for years {Years} ({Scope}): {People} person-cycles, {Records} records; {Inserted} inserted, {Updated} updated, {Deleted} deleted, {Unchanged} unchanged in {Seconds:F1} s")]
    private static partial void Finished(ILogger logger, string years, string scope, int people, long records, int inserted, int updated, int deleted, int unchanged, double seconds);

    /// <summary>One pass: the year, the cycle of each book evaluated (by scope) and the records read per department.</summary>
    private sealed record Pass(int Year, Dictionary<string, CycleWindow> Cycles, RecordWindows Windows);

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
