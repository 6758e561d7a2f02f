using System.Globalization;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// Keeps <see cref="CycleCompliance.EmployerOwnership"/> current when an employer's ownership changes (registry edit or
/// employer import), in the transaction that changed it: the rows recorded with that employer take the new ownership
/// (one set-based update per ownership, every row whatever the caller may see), and one audit summary per update is
/// appended like the recomputation's (ADR 0019), and the rows take one change number for the delta feeds (ADR 0023).
/// A later recomputation writes the same value.
/// </summary>
internal sealed class ComplianceOwnershipFollower(IBulkAuditWriter auditWriter) : IEmployerOwnershipFollower
{
    /// <summary>Employers per statement (well under every provider's parameter limit).</summary>
    public const int Chunk = 500;

    /// <inheritdoc />
    public async Task OwnershipChangedAsync(PlatformDbContext db, IReadOnlyDictionary<Guid, Ownership> employers, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(employers);
        var entries = new List<AuditEntry>();
        long? version = null;
        foreach (var group in employers.GroupBy(e => e.Value))
        {
            var ownership = group.Key;
            foreach (var chunk in group.Select(e => e.Key).Chunk(Chunk))
            {
                var rows = db.Compliance.IgnoreQueryFilters()
                    .Where(c => chunk.Contains(c.EmployerId) && c.EmployerOwnership != ownership);
                var keys = await rows.Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (keys.Count == 0)
                {
                    continue;
                }

                // A set-based update passes by the change-number interceptor: take the number here (ADR 0023), so the
                // rows show up in the integrators' delta feeds.
                version ??= await ChangeVersions.NextAsync(db, cancellationToken).ConfigureAwait(false);
                var changeVersion = version.Value;
                await rows.ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.EmployerOwnership, ownership).SetProperty(c => c.ChangeVersion, changeVersion),
                    cancellationToken).ConfigureAwait(false);
                var text = string.Create(CultureInfo.InvariantCulture, $"count={keys.Count}; employer-ownership={ownership}; properties={nameof(CycleCompliance.EmployerOwnership)}");
                entries.Add(new AuditEntry(actor, new AuditEvent(AuditActions.DataUpdated, AuditOutcome.Success, nameof(CycleCompliance), AuditKeys.Join(keys), text)));
            }
        }

        if (entries.Count > 0)
        {
            await auditWriter.AppendAsync(db, entries, cancellationToken).ConfigureAwait(false);
        }
    }
}
