using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Changes;

/// <summary>
/// The tombstones of the followed sets (ADR 0023) for every writer: the <see cref="ChangeVersionInterceptor"/> for EF
/// Core saves, and the writers that bypass SaveChanges (prepared statements, <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>),
/// which take their number from <see cref="ChangeVersions"/> in their transaction and report here what they deleted and
/// which rows' scope keys they changed — with the OLD keys — so the same tombstones and the same cascades (the credit
/// data following its person) are written in the same transaction with the same number. Registered once (singleton).
/// </summary>
public sealed class ChangeTombstones(IEnumerable<ChangeTrackedSet> sets, IEnumerable<ChangeCascade> cascades)
{
    private readonly Dictionary<Type, ChangeTrackedSet> byType = sets.ToDictionary(s => s.EntityType);
    private readonly ILookup<Type, ChangeCascade> cascadesByType = cascades.ToLookup(c => c.EntityType);

    /// <summary>The followed set of <paramref name="entityType"/>, if it is one.</summary>
    public ChangeTrackedSet? SetOf(Type entityType) => byType.GetValueOrDefault(entityType);

    /// <summary>A tombstone of a row of <paramref name="set"/> with its old scope <paramref name="keys"/>.</summary>
    public static ChangeTombstone Of(ChangeTrackedSet set, Guid id, long version, string reason, DateTime now, ChangeScopeKeys keys)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new ChangeTombstone
        {
            EntitySet = set.EntitySet,
            EntityId = id,
            ChangeVersion = version,
            Reason = reason,
            RemovedAt = now,
            Feed = set.Feed,
        }.With(keys);
    }

    /// <summary>
    /// The tombstones of rows of <paramref name="set"/> whose scope keys changed (<paramref name="moved"/>: id → old
    /// keys) and those of the cascades registered for the set (which also stamp the rows that follow).
    /// </summary>
    public async Task<List<ChangeTombstone>> MovedAsync(
        PlatformDbContext db, ChangeTrackedSet set, IReadOnlyDictionary<Guid, ChangeScopeKeys> moved, long version, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(moved);
        var tombstones = moved.Select(m => Of(set, m.Key, version, ChangeTombstone.Changed, now, m.Value)).ToList();
        if (moved.Count == 0)
        {
            return tombstones;
        }

        foreach (var cascade in cascadesByType[set.EntityType])
        {
            tombstones.AddRange(await cascade.Run(db, moved, version, now, cancellationToken).ConfigureAwait(false));
        }

        return tombstones;
    }

    /// <summary>
    /// For a bulk writer: rows of <typeparamref name="T"/> whose scope keys it changed (id → OLD keys) with change
    /// number <paramref name="version"/> — their tombstones and the cascades', written in the current transaction.
    /// </summary>
    public async Task WriteMovedAsync<T>(PlatformDbContext db, IReadOnlyDictionary<Guid, ChangeScopeKeys> moved, long version, CancellationToken cancellationToken)
        where T : class, IChangeTracked
    {
        ArgumentNullException.ThrowIfNull(moved);
        if (moved.Count == 0)
        {
            return;
        }

        var set = SetOf(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not a followed set.");
        var tombstones = await MovedAsync(db, set, moved, version, DateTime.UtcNow, cancellationToken).ConfigureAwait(false);
        await WriteAsync(db, tombstones, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For a bulk writer: rows of <typeparamref name="T"/> it deleted (id → keys) with change number
    /// <paramref name="version"/> — their tombstones, written in the current transaction.
    /// </summary>
    public Task WriteDeletedAsync<T>(PlatformDbContext db, IReadOnlyDictionary<Guid, ChangeScopeKeys> deleted, long version, CancellationToken cancellationToken)
        where T : class, IChangeTracked
    {
        ArgumentNullException.ThrowIfNull(deleted);
        if (deleted.Count == 0)
        {
            return Task.CompletedTask;
        }

        var set = SetOf(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not a followed set.");
        var now = DateTime.UtcNow;
        return WriteAsync(db, [.. deleted.Select(d => Of(set, d.Key, version, ChangeTombstone.Deleted, now, d.Value))], cancellationToken);
    }

    /// <summary>Writes <paramref name="tombstones"/> with one prepared INSERT in the context's current transaction (no change tracking, no audit: bookkeeping).</summary>
    public static async Task WriteAsync(DbContext db, IReadOnlyCollection<ChangeTombstone> tombstones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tombstones);
        if (tombstones.Count == 0)
        {
            return;
        }

        using var insert = TableCommand.Insert<ChangeTombstone>(db);
        foreach (var tombstone in tombstones)
        {
            insert.SetAll(tombstone);
            await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes <paramref name="tombstones"/> as <see cref="WriteAsync"/> does, for the synchronous bulk writers.</summary>
    public static void Write(DbContext db, IReadOnlyCollection<ChangeTombstone> tombstones)
    {
        ArgumentNullException.ThrowIfNull(tombstones);
        if (tombstones.Count == 0)
        {
            return;
        }

        using var insert = TableCommand.Insert<ChangeTombstone>(db);
        foreach (var tombstone in tombstones)
        {
            insert.SetAll(tombstone);
            insert.Execute();
        }
    }
}
