using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>
/// <see cref="IAuditTrail"/>: appends one record for the current actor in a transaction of its own, on a fresh
/// context (so it commits even when the caller's own work is rolled back later, e.g. a failed sign-in). Exceptions
/// propagate: if the record cannot be written, the audited action fails.
/// <para>
/// Do not call it while the same request holds an open transaction that has already written audited changes (or,
/// on SQLite, any open write transaction): that transaction holds the chain head's lock, so this second connection
/// waits for it until the command timeout and fails. Record after committing, or let the interceptor record the write.
/// </para>
/// </summary>
internal sealed class AuditTrail(IServiceScopeFactory scopes, IAuditActorProvider actors, AuditWriter writer) : IAuditTrail
{
    /// <inheritdoc />
    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var actor = actors.Current;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await writer.AppendAsync(db, [new AuditEntry(actor, auditEvent)], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
