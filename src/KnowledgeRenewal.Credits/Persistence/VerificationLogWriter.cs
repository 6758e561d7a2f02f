using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Writes a batch of verification log rows with a prepared ADO.NET statement (ADR 0004), in one transaction with their
/// audit records — one <c>data.create</c> record per row, naming the row and the caller who verified, exactly the record
/// the audit interceptor wrote when each row was saved in its request (ADR 0020). Multi-row INSERTs on PostgreSQL and
/// SQL Server; one row per statement on SQLite (its fastest in-process form).
/// </summary>
internal static class VerificationLogWriter
{
    /// <summary>Writes <paramref name="entries"/> and their audit records, or nothing (the transaction rolls back).</summary>
    public static async Task WriteAsync(PlatformDbContext db, IBulkAuditWriter audit, IReadOnlyList<VerificationLogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var rows = TableCommand.ProviderOf(db) == DatabaseProvider.Sqlite ? 1 : TableCommand.RowsPerInsert<CertificateVerification>(db);
            var done = 0;
            if (rows > 1)
            {
                using var many = TableCommand.InsertRows<CertificateVerification>(db, rows);
                for (; entries.Count - done >= rows; done += rows)
                {
                    for (var row = 0; row < rows; row++)
                    {
                        many.SetRow(row, entries[done + row].Row);
                    }

                    await many.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (done < entries.Count)
            {
                using var one = TableCommand.Insert<CertificateVerification>(db);
                for (; done < entries.Count; done++)
                {
                    one.SetAll(entries[done].Row);
                    await one.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            var records = new AuditEntry[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                records[i] = new AuditEntry(entry.Actor, new AuditEvent(AuditActions.DataCreated, AuditOutcome.Success, nameof(CertificateVerification), entry.Row.Id.ToString("D"), "count=1"));
            }

            await audit.AppendAsync(db, records, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
