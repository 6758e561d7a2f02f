using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Credits.Domain;

using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Writes a roster's credit records with prepared ADO.NET statements inside the open transaction: new records
/// (INSERT), and the records a correction replaces — revoked when approved, rejected when still pending — as the
/// ledger allows and nothing else (UPDATE of exactly the columns <see cref="CreditRecord.Revoke"/> or
/// <see cref="CreditRecord.Reject"/> changed, where the record is still in the state and version read; otherwise the
/// whole upload fails with <see cref="ImportConcurrencyException"/>). Raw writes bypass the audit interceptor and the
/// <c>LedgerGuard</c>: the state change is made by the entity's own method before it is written, and
/// <see cref="RegistryBulkWriter.AppendAuditAsync"/> records the writes in the same transaction.
/// </summary>
public sealed class RosterBulkWriter : RegistryBulkWriter
{
    private static readonly string[] RevokedColumns =
    [
        nameof(CreditRecord.Status), nameof(CreditRecord.RevokedByUserId), nameof(CreditRecord.RevokedByName), nameof(CreditRecord.RevokedAt),
        nameof(CreditRecord.RevocationReason), nameof(CreditRecord.CorrectedByRecordId), nameof(CreditRecord.ConcurrencyStamp), nameof(CreditRecord.ChangeVersion),
    ];

    private static readonly string[] RejectedColumns =
    [
        nameof(CreditRecord.Status), nameof(CreditRecord.ReviewedByUserId), nameof(CreditRecord.ReviewedByName), nameof(CreditRecord.ReviewedAt),
        nameof(CreditRecord.ReviewReason), nameof(CreditRecord.ConcurrencyStamp), nameof(CreditRecord.ChangeVersion),
    ];

    private static readonly string[] Where = [nameof(CreditRecord.Id), nameof(CreditRecord.ConcurrencyStamp), nameof(CreditRecord.Status)];

    private readonly PlatformDbContext db;
    private readonly List<CreditRecord> pending = [];
    private readonly int rowsPerInsert;
    private TableCommand? insertMany;
    private TableCommand? insert;
    private TableCommand? revoke;
    private TableCommand? reject;
    private long? changeVersion;

    /// <summary>A writer on <paramref name="db"/>'s current transaction.</summary>
    public RosterBulkWriter(PlatformDbContext db)
    {
        this.db = db;
        // SQLite is in-process (no round trips to save) and binds many parameters slowly: one row a statement there.
        rowsPerInsert = db.Database.IsSqlite() ? 1 : TableCommand.RowsPerInsert<CreditRecord>(db);
    }

    /// <summary>Records written pending review (flagged).</summary>
    public int Flagged { get; private set; }

    /// <summary>
    /// Inserts a new record (a correction's new record counts as an update of the roster): on a server database in
    /// multi-row INSERTs as the records add up, the rest on <see cref="Flush"/>; on SQLite one prepared row at a time.
    /// </summary>
    public void Add(CreditRecord record, bool correction)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.ChangeVersion = ChangeVersion;
        if (rowsPerInsert == 1)
        {
            insert ??= TableCommand.Insert<CreditRecord>(db);
            insert.SetAll(record);
            insert.Execute();
        }
        else
        {
            pending.Add(record);
        }

        if (pending.Count == rowsPerInsert)
        {
            insertMany ??= TableCommand.InsertRows<CreditRecord>(db, rowsPerInsert);
            for (var i = 0; i < pending.Count; i++)
            {
                insertMany.SetRow(i, pending[i]);
            }

            insertMany.Execute();
            pending.Clear();
        }

        Note(nameof(CreditRecord), AuditActions.DataCreated, record.Id);
        if (record.Flag is not null)
        {
            Flagged++;
        }

        if (correction)
        {
            Updated++;
        }
        else
        {
            Created++;
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        foreach (var record in pending)
        {
            insert ??= TableCommand.Insert<CreditRecord>(db);
            insert.SetAll(record);
            insert.Execute();
        }

        pending.Clear();
    }

    /// <summary>Counts a row that changed nothing.</summary>
    public void Skip() => Unchanged++;

    /// <summary>
    /// Writes the revocation (<paramref name="record"/> revoked by <see cref="CreditRecord.Revoke"/>) or rejection
    /// (rejected by <see cref="CreditRecord.Reject"/>) of a record read as approved or pending with
    /// <paramref name="expectedStamp"/>; throws <see cref="ImportConcurrencyException"/> naming <paramref name="row"/>
    /// when it changed since.
    /// </summary>
    public void Replace(CreditRecord record, CreditRecordStatus readStatus, Guid expectedStamp, int row)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (command, columns) = record.Status switch
        {
            CreditRecordStatus.Revoked when readStatus == CreditRecordStatus.Approved => (revoke ??= TableCommand.Update<CreditRecord>(db, RevokedColumns, Where), RevokedColumns),
            CreditRecordStatus.Rejected when readStatus == CreditRecordStatus.Pending => (reject ??= TableCommand.Update<CreditRecord>(db, RejectedColumns, Where), RejectedColumns),
            _ => throw new InvalidOperationException($"A roster replaces approved records by revoking and pending ones by rejecting them, not {readStatus} → {record.Status}."),
        };
        record.ChangeVersion = ChangeVersion;
        command.SetAll(record);
        command.Set(columns.Length + 1, expectedStamp);
        command.Set(columns.Length + 2, readStatus);
        if (command.Execute() != 1)
        {
            throw new ImportConcurrencyException(row);
        }

        Note(nameof(CreditRecord), AuditActions.DataUpdated, record.Id, columns);
    }

    // The roster's change number for delta links (ADR 0023), taken at its first write in the roster's transaction.
    private long ChangeVersion => changeVersion ??= ChangeVersions.Next(db);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        insertMany?.Dispose();
        insert?.Dispose();
        revoke?.Dispose();
        reject?.Dispose();
    }
}
