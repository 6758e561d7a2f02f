using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Persistence;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// Writes an import's resolved rows with prepared ADO.NET statements (one INSERT or UPDATE per row, no EF change
/// tracking) inside the import's open transaction, and summarizes them for the audit log — raw writes bypass the
/// audit interceptor, so <see cref="AppendAuditAsync"/> must run in the same transaction before it commits. Updates
/// compare the concurrency stamp read by the look-up: a record changed in between fails the whole import.
/// </summary>
public abstract class RegistryBulkWriter : IDisposable
{
    private readonly List<(string EntityType, string Action, List<Guid> Keys, SortedSet<string> Properties)> audit = [];

    /// <summary>Records created.</summary>
    public int Created { get; protected set; }

    /// <summary>Records updated.</summary>
    public int Updated { get; protected set; }

    /// <summary>Rows that changed nothing.</summary>
    public int Unchanged { get; protected set; }

    /// <summary>
    /// Appends the import's audit records (one per entity type and action, with the count, up to
    /// <see cref="AuditKeys.MaxKeys"/> keys, the changed properties and the job) for
    /// <paramref name="actor"/> — the requester — in the current transaction.
    /// </summary>
    public Task AppendAuditAsync(PlatformDbContext db, IBulkAuditWriter writer, AuditActor actor, Guid jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Flush();
        var entries = audit.Where(a => a.Keys.Count > 0).Select(a =>
        {
            var keys = AuditKeys.Join(a.Keys);
            var details = string.Create(CultureInfo.InvariantCulture, $"count={a.Keys.Count}; import={jobId:D}");
            if (a.Properties.Count > 0)
            {
                details += "; properties=" + string.Join(",", a.Properties);
            }

            return new AuditEntry(actor, new AuditEvent(a.Action, AuditOutcome.Success, a.EntityType, keys, details));
        }).ToList();
        return writer.AppendAsync(db, entries, cancellationToken);
    }

    /// <summary>
    /// Writes the tombstones of the rows the import deleted or moved out of a scope, and runs the cascades of a move,
    /// with the import's change number in the current transaction (ADR 0023); after the last row, before the commit.
    /// </summary>
    public virtual Task WriteTombstonesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes what the writer still holds back (batched rows); <see cref="AppendAuditAsync"/> does it first.</summary>
    public virtual void Flush()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the prepared commands.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Notes a written row for the audit log.</summary>
    protected void Note(string entityType, string action, Guid key, IEnumerable<string>? properties = null)
    {
        var index = audit.FindIndex(a => a.EntityType == entityType && a.Action == action);
        if (index < 0)
        {
            audit.Add((entityType, action, [], new SortedSet<string>(StringComparer.Ordinal)));
            index = audit.Count - 1;
        }

        audit[index].Keys.Add(key);
        if (properties is not null)
        {
            audit[index].Properties.UnionWith(properties);
        }
    }
}
