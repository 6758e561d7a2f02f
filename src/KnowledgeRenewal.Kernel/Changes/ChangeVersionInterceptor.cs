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
/// for every EF Core write; the bulk writers take their number from <see cref="ChangeVersions"/> themselves and write
/// the same tombstones through <see cref="ChangeTombstones"/>.
/// </summary>
internal sealed class ChangeVersionInterceptor(ChangeTombstones tombstones) : SaveChangesInterceptor
{
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
        var moved = new Dictionary<ChangeTrackedSet, Dictionary<Guid, ChangeScopeKeys>>();
        foreach (var entry in entries)
        {
            var set = tombstones.SetOf(entry.Metadata.ClrType);
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
                            if (!moved.TryGetValue(set, out var ofSet))
                            {
                                moved[set] = ofSet = [];
                            }

                            ofSet[entry.Entity.Id] = before;
                        }
                    }

                    break;
                case EntityState.Deleted when set is not null:
                    var keys = await set.Keys(db, entry.OriginalValues, cancellationToken).ConfigureAwait(false);
                    db.Add(ChangeTombstones.Of(set, entry.Entity.Id, version, ChangeTombstone.Deleted, now, keys));
                    break;
            }
        }

        // The moved rows' tombstones and their cascades (the rows that follow them), saved with this save.
        foreach (var (set, rows) in moved)
        {
            db.AddRange(await tombstones.MovedAsync(db, set, rows, version, now, cancellationToken).ConfigureAwait(false));
        }
    }
}
