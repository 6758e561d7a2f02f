using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

using KnowledgeRenewal.Kernel.Persistence;
namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Keeps the ledger append-only at the last line before the database: no credit record or certificate is ever
/// deleted; an approved record may only be revoked; a pending one only reviewed; a rejected or revoked one not at
/// all; a certificate only changes its status. Whatever the code above did, a save that breaks this fails whole.
/// </summary>
public sealed class LedgerGuard : SaveChangesInterceptor
{
    private static readonly HashSet<string> Review =
        [nameof(CreditRecord.Status), nameof(CreditRecord.ReviewedByUserId), nameof(CreditRecord.ReviewedByName), nameof(CreditRecord.ReviewedAt), nameof(CreditRecord.ReviewReason), nameof(CreditRecord.ConcurrencyStamp)];

    private static readonly HashSet<string> Revocation =
        [nameof(CreditRecord.Status), nameof(CreditRecord.RevokedByUserId), nameof(CreditRecord.RevokedByName), nameof(CreditRecord.RevokedAt), nameof(CreditRecord.RevocationReason), nameof(CreditRecord.CorrectedByRecordId), nameof(CreditRecord.ConcurrencyStamp)];

    private static readonly HashSet<string> CertificateStatusChange =
        [nameof(CreditCertificate.Status), nameof(CreditCertificate.SupersededById), nameof(CreditCertificate.StatusChangedAt), nameof(CreditCertificate.RevocationReason), nameof(CreditCertificate.RevokedByName)];

    /// <summary>The one instance (it holds no state).</summary>
    public static LedgerGuard Instance { get; } = new();

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> when a tracked change would rewrite the ledger.</summary>
    public static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<CreditRecord>())
        {
            switch (entry.State)
            {
                case EntityState.Deleted:
                    throw Refused($"credit record {entry.Entity.Id} would be deleted");
                case EntityState.Modified:
                    var before = (CreditRecordStatus)entry.OriginalValues[nameof(CreditRecord.Status)]!;
                    var allowed = before switch
                    {
                        CreditRecordStatus.Pending => Review,
                        CreditRecordStatus.Approved when entry.Entity.Status == CreditRecordStatus.Revoked => Revocation,
                        _ => [],
                    };
                    if (Changed(entry).FirstOrDefault(p => !allowed.Contains(p)) is { } property)
                    {
                        throw Refused($"{property} of credit record {entry.Entity.Id} ({before}) would change");
                    }

                    break;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<CreditCertificate>())
        {
            if (entry.State == EntityState.Deleted)
            {
                throw Refused($"certificate {entry.Entity.Number} would be deleted");
            }

            if (entry.State == EntityState.Modified && Changed(entry).FirstOrDefault(p => !CertificateStatusChange.Contains(p)) is { } property)
            {
                throw Refused($"{property} of certificate {entry.Entity.Number} would change");
            }
        }
    }

    private static IEnumerable<string> Changed(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name);

    private static InvalidOperationException Refused(string what) =>
        new($"The credit-hour ledger is append-only: {what}. Approved records are revoked (and corrected by a new record), never changed or deleted.");
}
