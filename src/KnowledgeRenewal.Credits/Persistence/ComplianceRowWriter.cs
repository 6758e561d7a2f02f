using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Events;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using System.Globalization;
using System.Text;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>What a recomputation changed in the compliance table.</summary>
public sealed class ComplianceWriteCounts
{
    /// <summary>Rows added (a person-cycle seen for the first time).</summary>
    public int Inserted { get; internal set; }

    /// <summary>Rows whose values changed.</summary>
    public int Updated { get; internal set; }

    /// <summary>Rows removed because the person's cycle is now another one (their rules changed).</summary>
    public int Deleted { get; internal set; }

    /// <summary>Rows that were right already (not written).</summary>
    public int Unchanged { get; internal set; }

    /// <summary>Adds <paramref name="other"/>'s counts.</summary>
    public void Add(ComplianceWriteCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Inserted += other.Inserted;
        Updated += other.Updated;
        Deleted += other.Deleted;
        Unchanged += other.Unchanged;
    }
}

/// <summary>
/// Upserts computed compliance rows with prepared ADO.NET statements on the context's connection, in its current
/// transaction: new person-cycles are inserted in multi-row batches, changed ones updated by key, unchanged ones left
/// alone, and rows of another cycle that overlaps the person's cycle now (their department moved to other rules)
/// deleted. Raw writes bypass the audit interceptor and the change-number interceptor: every written row carries the
/// recomputation's change number, and <see cref="FlushAsync"/> writes the deleted rows' tombstones (ADR 0023);
/// <see cref="AppendAuditAsync"/> writes the summary records (one per action, with the count and up to 20 keys) in
/// the same transaction. Not thread-safe.
/// </summary>
internal sealed class ComplianceRowWriter : IDisposable
{
    /// <summary>
    /// Rows per multi-row INSERT on PostgreSQL and SQL Server (17 parameters each: well under every provider's limit).
    /// SQLite gets one row per statement: its driver binds parameters by name on every execution, which costs
    /// quadratically in a statement's parameters, and in-process single-row prepared inserts are SQLite's fastest.
    /// </summary>
    public const int InsertBatch = 50;

    private static readonly string[] Columns =
    [
        nameof(CycleCompliance.Id), nameof(CycleCompliance.ProfessionalId), nameof(CycleCompliance.CycleStart), nameof(CycleCompliance.CycleEnd),
        nameof(CycleCompliance.RuleScope), nameof(CycleCompliance.RuleSetTitle), nameof(CycleCompliance.Status), nameof(CycleCompliance.Counted),
        nameof(CycleCompliance.Required), nameof(CycleCompliance.PublicCounted), nameof(CycleCompliance.ProfessionalCounted), nameof(CycleCompliance.Missing),
        nameof(CycleCompliance.RegionCode), nameof(CycleCompliance.DepartmentCode), nameof(CycleCompliance.EmployerId), nameof(CycleCompliance.ComputedAt),
        nameof(CycleCompliance.EmployerOwnership), nameof(CycleCompliance.ChangeVersion),
    ];

    private readonly PlatformDbContext db;
    private readonly DateTime computedAt;
    private long? changeVersion;
    private readonly int batch;
    private readonly List<(Guid Id, ComplianceRow Row)> pending = new(InsertBatch);
    private readonly List<Guid> inserted = [];
    private readonly List<Guid> updated = [];
    private readonly List<Guid> deleted = [];
    private readonly List<(Guid Id, Guid ProfessionalId)> unmarked = [];
    private readonly List<(Guid Id, ComplianceRow Row)> events = [];
    private TableCommand? insertMany;
    private TableCommand? insertOne;
    private SqliteStatement? sqliteInsert;
    private Func<object?, object?>[]? sqliteConverters;
    private TableCommand? update;
    private TableCommand? delete;

    public ComplianceRowWriter(PlatformDbContext db, DateTime computedAt)
    {
        this.db = db;
        this.computedAt = computedAt;
        batch = TableCommand.ProviderOf(db) == DatabaseProvider.Sqlite ? 1 : InsertBatch;
    }

    /// <summary>What was written so far.</summary>
    public ComplianceWriteCounts Counts { get; } = new();

    /// <summary>
    /// Writes <paramref name="row"/>, given the person's stored rows that overlap the recomputed years
    /// (<paramref name="stored"/>; others are left alone).
    /// </summary>
    public void Apply(ComplianceRow row, IEnumerable<StoredComplianceRow> stored)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(stored);
        StoredComplianceRow? same = null;
        foreach (var existing in stored)
        {
            if (existing.Values.ProfessionalId != row.ProfessionalId)
            {
                continue;
            }

            if (existing.Values.CycleStart == row.CycleStart && same is null)
            {
                same = existing;
            }
            else if (existing.Values.Overlaps(row.CycleStart, row.CycleEnd))
            {
                delete ??= TableCommand.Delete<CycleCompliance>(db, [nameof(CycleCompliance.Id)]);
                delete.Set(0, existing.Id);
                delete.Execute();
                deleted.Add(existing.Id);
                unmarked.Add((existing.Id, existing.Values.ProfessionalId));
                Counts.Deleted++;
            }
        }

        if (same is null)
        {
            var id = Guid.CreateVersion7();
            pending.Add((id, row));
            events.Add((id, row));
            if (pending.Count == batch)
            {
                Flush();
            }
        }
        else if (same.Values == row)
        {
            Counts.Unchanged++;
        }
        else
        {
            update ??= TableCommand.Update<CycleCompliance>(db, [.. Columns.Skip(2)], [nameof(CycleCompliance.Id)]);
            var values = Values(same.Id, row);
            for (var i = 2; i < values.Length; i++)
            {
                update.Set(i - 2, values[i]);
            }

            update.Set(Columns.Length - 2, same.Id);
            update.Execute();
            if (same.Values.Status != row.Status || same.Values.Counted != row.Counted)
            {
                events.Add((same.Id, row));
            }

            updated.Add(same.Id);
            Counts.Updated++;
        }
    }

    /// <summary>Inserts the rows still waiting for a full batch.</summary>
    public void Flush()
    {
        if (pending.Count == batch && batch > 1)
        {
            insertMany ??= TableCommand.InsertRows<CycleCompliance>(db, batch, Columns);
            Bind(insertMany, pending);
            insertMany.Execute();
        }
        else if (pending.Count > 0 && batch == 1)
        {
            // SQLite's own statement API: positional binding without the ADO.NET layer's per-execution work.
            sqliteConverters ??= [.. Columns.Select(c => TableCommand.ConverterOf<CycleCompliance>(db, c))];
            sqliteInsert ??= SqliteStatement.Prepare(db.Database.GetDbConnection(), SqliteInsertSql());
            var converted = sqliteConverters;
            var statement = sqliteInsert;
            var computed = converted[15](computedAt); // the same for every row: converted once
            foreach (var (id, row) in pending)
            {
                // In the order of Columns (positions 1–18), each through the model's converter where it has one.
                statement.Bind(1, id);
                statement.Bind(2, row.ProfessionalId);
                statement.Bind(3, row.CycleStart);
                statement.Bind(4, row.CycleEnd);
                statement.Bind(5, row.RuleScope);
                statement.Bind(6, row.RuleSetTitle);
                statement.BindValue(7, converted[6](row.Status));
                statement.BindValue(8, converted[7](row.Counted));
                statement.BindValue(9, converted[8](row.Required));
                statement.BindValue(10, converted[9](row.PublicCounted));
                statement.BindValue(11, converted[10](row.ProfessionalCounted));
                statement.Bind(12, row.Missing);
                statement.Bind(13, row.RegionCode);
                statement.Bind(14, row.DepartmentCode);
                statement.Bind(15, row.EmployerId);
                statement.BindValue(16, computed);
                statement.BindValue(17, converted[16](row.EmployerOwnership));
                statement.Bind(18, ChangeVersion);
                statement.Execute();
            }
        }
        else if (pending.Count > 0)
        {
            insertOne ??= TableCommand.Insert<CycleCompliance>(db, Columns);
            foreach (var one in pending)
            {
                Bind(insertOne, [one]);
                insertOne.Execute();
            }
        }

        inserted.AddRange(pending.Select(p => p.Id));
        Counts.Inserted += pending.Count;
        pending.Clear();
    }

    /// <summary>
    /// Inserts the rows still waiting (<see cref="Flush"/>) and writes the tombstones of the rows deleted so far, with
    /// the person's owners as their scope keys and the recomputation's change number, so delta links show them as
    /// removed (ADR 0023).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        await WriteEventsAsync(cancellationToken).ConfigureAwait(false);
        if (unmarked.Count == 0)
        {
            return;
        }

        var owners = await CreditChangeTracking.OwnersAsync(db, [.. unmarked.Select(d => d.ProfessionalId)], cancellationToken).ConfigureAwait(false);
        var now = DateTime.UtcNow;
        var version = ChangeVersion;
        await ChangeTombstones.WriteAsync(
            db,
            [.. unmarked.Select(d => CreditChangeTracking.Tombstone(CreditChangeTracking.ComplianceSet, d.Id, version, ChangeTombstone.Deleted, now, owners[d.ProfessionalId]))],
            cancellationToken).ConfigureAwait(false);
        unmarked.Clear();
    }

    // The compliance.changed events of the rows inserted, and of those updated with another status or counted hours
    // (ADR 0035), in the recomputation's transaction.
    private async Task WriteEventsAsync(CancellationToken cancellationToken)
    {
        if (events.Count == 0 || !await EventOutbox.AnySubscribersAsync(db, cancellationToken).ConfigureAwait(false))
        {
            events.Clear();
            return;
        }

        var masked = await CreditEvents.MaskedIdNumbersAsync(db, [.. events.Select(e => e.Row.ProfessionalId)], cancellationToken).ConfigureAwait(false);
        await EventOutbox.WriteAsync(
            db,
            [.. events.Select(e => CreditEvents.ComplianceEvent(
                e.Id, e.Row.ProfessionalId, masked.GetValueOrDefault(e.Row.ProfessionalId), e.Row.CycleStart, e.Row.CycleEnd, e.Row.Status, e.Row.Counted.Hours, e.Row.Required.Hours))],
            cancellationToken).ConfigureAwait(false);
        events.Clear();
    }

    /// <summary>Appends the audit records of what was written (after <see cref="FlushAsync"/>), in the current transaction.</summary>
    public Task AppendAuditAsync(IBulkAuditWriter writer, AuditActor actor, string details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (pending.Count > 0 || unmarked.Count > 0)
        {
            throw new InvalidOperationException("FlushAsync first: rows or tombstones are still waiting.");
        }

        var entries = new List<AuditEntry>();
        foreach (var (action, keys) in new[] { (AuditActions.DataCreated, inserted), (AuditActions.DataUpdated, updated), (AuditActions.DataDeleted, deleted) })
        {
            if (keys.Count == 0)
            {
                continue;
            }

            var entityKey = AuditKeys.Join(keys);
            var text = string.Create(CultureInfo.InvariantCulture, $"count={keys.Count}; {details}");
            if (action == AuditActions.DataUpdated)
            {
                text += "; properties=" + string.Join(",", Columns.Skip(2).Order(StringComparer.Ordinal));
            }

            entries.Add(new AuditEntry(actor, new AuditEvent(action, AuditOutcome.Success, nameof(CycleCompliance), entityKey, text)));
        }

        inserted.Clear();
        updated.Clear();
        deleted.Clear();
        return entries.Count == 0 ? Task.CompletedTask : writer.AppendAsync(db, entries, cancellationToken);
    }

    public void Dispose()
    {
        insertMany?.Dispose();
        insertOne?.Dispose();
        sqliteInsert?.Dispose();
        update?.Dispose();
        delete?.Dispose();
    }

    private object?[] Values(Guid id, ComplianceRow row) =>
    [
        id, row.ProfessionalId, row.CycleStart, row.CycleEnd, row.RuleScope, row.RuleSetTitle, row.Status, row.Counted, row.Required,
        row.PublicCounted, row.ProfessionalCounted, row.Missing, row.RegionCode, row.DepartmentCode, row.EmployerId, computedAt, row.EmployerOwnership,
        ChangeVersion,
    ];

    // The recomputation's change number for delta links (ADR 0023), taken at its first write in its transaction.
    private long ChangeVersion => changeVersion ??= ChangeVersions.Next(db);

    private void Bind(TableCommand statement, IReadOnlyList<(Guid Id, ComplianceRow Row)> rows)
    {
        var index = 0;
        foreach (var (id, row) in rows)
        {
            foreach (var value in Values(id, row))
            {
                statement.Set(index++, value);
            }
        }
    }

    // One row for SQLite's statement API, which binds by position (the parameters' order: that of Columns).
    private string SqliteInsertSql() =>
        new StringBuilder("INSERT INTO ").Append(TableCommand.TableOf<CycleCompliance>(db)).Append(" (")
            .AppendJoin(", ", Columns.Select(c => TableCommand.ColumnOf<CycleCompliance>(db, c))).Append(") VALUES (")
            .AppendJoin(", ", Columns.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture))).Append(')')
            .ToString();
}
