using System.Runtime.CompilerServices;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace KnowledgeRenewal.Kernel.Changes;

/// <summary>
/// Stamps every inserted or updated <see cref="IChangeTracked"/> row with the transaction's change number and writes a
/// <see cref="ChangeTombstone"/> (with the OLD scope keys) for every deleted row and every row whose scope keys
/// changed — in the saving transaction (begun here when the caller has none, committed after the save). The one place
/// for every EF Core write; the bulk writers take their number from <see cref="ChangeVersions"/> themselves.
/// </summary>
internal sealed class ChangeVersionInterceptor(IEnumerable<ChangeTrackedSet> sets, IEnumerable<ChangeCascade> cascades) : SaveChangesInterceptor
{
    private readonly Dictionary<Type, ChangeTrackedSet> byType = sets.ToDictionary(s => s.EntityType);
    private readonly ILookup<Type, ChangeCascade> cascadesByType = cascades.ToLookup(c => c.EntityType);
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> owned = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        StampAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await StampAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Release(eventData.Context) is { } transaction)
        {
            using (transaction)
            {
                transaction.Commit();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Release(eventData.Context) is { } transaction)
        {
            await using (transaction.ConfigureAwait(false))
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Release(eventData.Context)?.Dispose(); // disposing an uncommitted transaction rolls it back
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Release(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Release(eventData.Context)?.Dispose();
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Release(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IDbContextTransaction? Release(DbContext? context)
    {
        if (context is null || !owned.TryGetValue(context, out var transaction))
        {
            return null;
        }

        owned.Remove(context);
        return transaction;
    }

    private async Task StampAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not PlatformDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries<IChangeTracked>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false));
        }

        var version = await ChangeVersions.NextAsync(db, cancellationToken).ConfigureAwait(false);
        var now = DateTime.UtcNow;
        foreach (var entry in entries)
        {
            byType.TryGetValue(entry.Metadata.ClrType, out var set);
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.ChangeVersion = version;
                    break;
                case EntityState.Modified:
                    entry.Property(nameof(IChangeTracked.ChangeVersion)).CurrentValue = version;
                    if (set is not null && set.ScopeProperties.Any(p => entry.Property(p).IsModified))
                    {
                        var before = await set.Keys(db, entry.OriginalValues, cancellationToken).ConfigureAwait(false);
                        var after = await set.Keys(db, entry.CurrentValues, cancellationToken).ConfigureAwait(false);
                        if (before != after)
                        {
                            db.Add(Tombstone(set, entry.Entity.Id, version, ChangeTombstone.Changed, now).With(before));
                            foreach (var cascade in cascadesByType[set.EntityType])
                            {
                                await cascade.Run(db, entry.Entity.Id, before, version, cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }

                    break;
                case EntityState.Deleted when set is not null:
                    var keys = await set.Keys(db, entry.OriginalValues, cancellationToken).ConfigureAwait(false);
                    db.Add(Tombstone(set, entry.Entity.Id, version, ChangeTombstone.Deleted, now).With(keys));
                    break;
            }
        }
    }

    private static ChangeTombstone Tombstone(ChangeTrackedSet set, Guid id, long version, string reason, DateTime now) => new()
    {
        EntitySet = set.EntitySet,
        EntityId = id,
        ChangeVersion = version,
        Reason = reason,
        RemovedAt = now,
        Feed = set.Feed,
    };
}
