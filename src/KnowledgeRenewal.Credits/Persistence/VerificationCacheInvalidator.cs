using System.Data.Common;
using System.Runtime.CompilerServices;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Keeps the <see cref="VerificationCache"/> true to the database: when a save changes a certificate's status (the
/// issue use case superseding the valid version, the revoke use case revoking — or any other writer), the certificate's
/// code is forgotten at once and again when the transaction that holds the change commits, so no verification that read
/// the old status before the commit can keep it (ADR 0020). A singleton on the platform's context.
/// </summary>
internal sealed class VerificationCacheInvalidator(VerificationCache cache) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = [];

    /// <inheritdoc />
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        CommittedIfNoTransaction(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        CommittedIfNoTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Committed(eventData.Context);
    }

    /// <inheritdoc />
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
    }

    /// <inheritdoc />
    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        HashSet<string>? codes = null;
        foreach (var entry in context.ChangeTracker.Entries<CreditCertificate>())
        {
            if (entry.State == EntityState.Modified && entry.Property(c => c.Status).IsModified)
            {
                codes ??= pending.GetOrCreateValue(context);
                codes.Add(entry.Entity.VerificationCode);
                cache.Invalidate(entry.Entity.VerificationCode);
            }
        }
    }

    private void CommittedIfNoTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var codes))
        {
            pending.Remove(context);
            foreach (var code in codes)
            {
                cache.Invalidate(code);
            }
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }
}
