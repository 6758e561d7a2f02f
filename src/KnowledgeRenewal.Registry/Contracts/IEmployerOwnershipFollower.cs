using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// Told, inside the transaction that changed them, that employers' ownership changed (an edit of the registry or an
/// employer import): rows elsewhere that carry the employer's ownership (the compliance table, ADR 0019) follow it in
/// the same transaction. Implemented by other areas (the credit hours area); every registered one is called.
/// </summary>
public interface IEmployerOwnershipFollower
{
    /// <summary>
    /// Brings the rows of <paramref name="employers"/> (employer → its new ownership) up to date on
    /// <paramref name="db"/>'s current transaction, whatever <paramref name="db"/>'s caller may see (the work is the
    /// platform's); <paramref name="actor"/> is who changed the employers (for the audit trail).
    /// </summary>
    Task OwnershipChangedAsync(PlatformDbContext db, IReadOnlyDictionary<Guid, Ownership> employers, AuditActor actor, CancellationToken cancellationToken);
}
