using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// Recomputes the compliance of the person-cycles whose records changed, inside the transaction that changed them
/// (<see cref="ComplianceLedgerHandler"/>). Thousands of changes at once (a roster upload) are handled in chunks of
/// <see cref="ChunkSize"/> people: per chunk one query for the people, one for all their records of the cycles
/// concerned and one for their stored rows, then prepared-statement writes and one audit summary. The work is the
/// platform's, not the caller's: it reads every record of the person (also those the caller may not see, e.g. a
/// provider's other trainees' providers) and writes the derived rows — nothing of it is returned to the caller.
/// </summary>
public sealed class ComplianceRecomputer(ComplianceRules rules, IBulkAuditWriter auditWriter, IAuditActorProvider actors, TimeProvider clock)
{
    /// <summary>People per chunk.</summary>
    public const int ChunkSize = 500;

    private static readonly string[] ScopeFilter = [PlatformDbContext.AccessScopeFilter];

    /// <summary>Recomputes the cycles containing <paramref name="changes"/>' years; begins (and commits) a transaction only when the caller has none.</summary>
    public async Task<ComplianceWriteCounts> RecomputeAsync(PlatformDbContext db, IEnumerable<PersonYear> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        var yearsByPerson = changes.GroupBy(c => c.ProfessionalId).ToDictionary(g => g.Key, g => g.Select(c => c.Year).Distinct().ToArray());
        var counts = new ComplianceWriteCounts();
        if (yearsByPerson.Count == 0)
        {
            return counts;
        }

        var own = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            var today = ProgramCalendar.Today(clock);
            using var writer = new ComplianceRowWriter(db, clock.GetUtcNow().UtcDateTime);
            foreach (var chunk in yearsByPerson.Keys.Order().Chunk(ChunkSize))
            {
                await PersonLocks.LockAsync(db, chunk, cancellationToken).ConfigureAwait(false);
                await RecomputeChunkAsync(db, chunk, yearsByPerson, today, writer, cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            await writer.AppendAuditAsync(auditWriter, actors.Current, "recompute=ledger-change", cancellationToken).ConfigureAwait(false);
            counts.Add(writer.Counts);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }

        return counts;
    }

    private async Task RecomputeChunkAsync(
        PlatformDbContext db, Guid[] people, Dictionary<Guid, int[]> yearsByPerson, DateOnly today, ComplianceRowWriter writer, CancellationToken cancellationToken)
    {
        // The employer's ownership whatever the caller may see (the row's split by ownership is the platform's work).
        var employers = db.Employers.IgnoreQueryFilters(ScopeFilter);
        var owners = await db.Professionals.IgnoreQueryFilters(ScopeFilter).AsNoTracking()
            .Where(p => people.Contains(p.Id))
            .Select(p => new ComplianceOwner(
                p.Id, p.RegionCode, p.DepartmentCode, p.EmployerId, p.Status == ProfessionalStatus.Active,
                employers.Where(e => e.Id == p.EmployerId).Select(e => e.Ownership).FirstOrDefault()))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        // Each person's cycles under their department's book (two changed years of one five-year cycle are one cycle).
        var work = owners.Select(o =>
        {
            var book = rules.BookFor(o.DepartmentCode);
            var cycles = yearsByPerson[o.ProfessionalId]
                .Select(y => (Year: y, Cycle: ComplianceRules.CycleOf(book, y)))
                .DistinctBy(c => c.Cycle)
                .ToArray();
            return (Owner: o, Book: book, Cycles: cycles);
        }).ToList();
        if (work.Count == 0)
        {
            return;
        }

        var from = work.Min(w => w.Cycles.Min(c => c.Cycle.StartYear));
        var to = work.Max(w => w.Cycles.Max(c => c.Cycle.EndYear));
        var records = await db.CreditRecords.IgnoreQueryFilters(ScopeFilter).AsNoTracking()
            .Where(r => people.Contains(r.ProfessionalId) && r.CreditYear >= from && r.CreditYear <= to)
            .Select(r => new { r.ProfessionalId, r.CreditYear, r.Id, r.Date, r.Category, r.Activity, r.Hours, r.Status, r.CreditClass })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var entries = records
            .GroupBy(r => r.ProfessionalId)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.CreditYear, Entry: new CreditEntry(r.Id, r.Date, r.Category, r.Activity, r.Hours, r.Status, r.CreditClass))).ToList());
        var stored = (await db.Compliance.IgnoreQueryFilters(ScopeFilter).AsNoTracking()
                .Where(c => people.Contains(c.ProfessionalId) && c.CycleStart <= to && c.CycleEnd >= from)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false))
            .Select(Stored)
            .ToLookup(s => s.Values.ProfessionalId);

        foreach (var (owner, book, cycles) in work)
        {
            var mine = entries.GetValueOrDefault(owner.ProfessionalId) ?? [];
            foreach (var (year, cycle) in cycles)
            {
                // As the bulk reads them: the records of the cycle's credit years.
                var inCycle = mine.Where(e => e.CreditYear >= cycle.StartYear && e.CreditYear <= cycle.EndYear).Select(e => e.Entry).ToList();
                var result = rules.Assess(book, year, inCycle, today);
                writer.Apply(ComplianceRow.Of(owner, book.Scope, result), stored[owner.ProfessionalId]);
            }
        }
    }

    /// <summary>A stored row as the writer compares it.</summary>
    internal static StoredComplianceRow Stored(CycleCompliance row) => new(row.Id, new ComplianceRow(
        row.ProfessionalId, row.CycleStart, row.CycleEnd, row.RuleScope, row.RuleSetTitle, row.Status, row.Counted, row.Required,
        row.PublicCounted, row.ProfessionalCounted, row.Missing, row.RegionCode, row.DepartmentCode, row.EmployerId, row.EmployerOwnership));
}
