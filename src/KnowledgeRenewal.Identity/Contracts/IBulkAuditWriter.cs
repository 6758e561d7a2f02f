using KnowledgeRenewal.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.Contracts;

/// <summary>One audit record to append, with the actor it is recorded for.</summary>
/// <param name="Actor">Who acted.</param>
/// <param name="Event">What happened.</param>
public sealed record AuditEntry(AuditActor Actor, AuditEvent Event);

/// <summary>
/// Appends audit records inside the caller's own transaction — for writes the audit interceptor does not see
/// (prepared-statement bulk writes, raw SQL), which must be audited in the same transaction before it commits: one
/// record per entity type and action, naming up to <see cref="AuditKeys.MaxKeys"/> keys
/// (<see cref="AuditKeys.Join"/>). Writes through <c>SaveChanges</c> are audited by themselves; single events
/// outside a write go through <see cref="IAuditTrail"/>.
/// </summary>
public interface IBulkAuditWriter
{
    /// <summary>
    /// Appends <paramref name="entries"/> on <paramref name="context"/>'s connection in its current transaction
    /// (which must exist; the chain head stays locked until it ends). Throws when the audit chain head is missing or
    /// the database refuses the write; the caller's transaction must then be rolled back.
    /// </summary>
    Task AppendAsync(DbContext context, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);
}
