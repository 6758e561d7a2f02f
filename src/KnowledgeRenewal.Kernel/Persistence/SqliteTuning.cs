using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>Provider-specific tuning of bulk work.</summary>
public static class SqliteTuning
{
    /// <summary>
    /// SQLite: a 64 MB page cache on the connection while a bulk write runs (random-order index inserts — the ID-number
    /// hash, the name — stay in memory instead of going back to the OS page cache); the pooled connection gets the
    /// default back afterwards.
    /// </summary>
    public static async Task<IAsyncDisposable> LargerCacheAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return NoTuning.Instance;
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", cancellationToken).ConfigureAwait(false);
        return new SqliteCacheReset(db);
    }

    private sealed class NoTuning : IAsyncDisposable
    {
        public static NoTuning Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SqliteCacheReset(PlatformDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000").ConfigureAwait(false);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // A broken connection is not returned to the pool in a usable state anyway.
            }
        }
    }
}
