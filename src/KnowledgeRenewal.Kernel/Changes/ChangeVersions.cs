using System.Data.Common;
using System.Globalization;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KnowledgeRenewal.Kernel.Changes;

/// <summary>
/// The platform-wide change counter (ADR 0023). <see cref="NextAsync"/> increments the one counter row inside the
/// caller's transaction: the row lock (PostgreSQL, SQL Server) or the database write lock (SQLite) is held until the
/// transaction ends, so a second writer waits and change numbers commit in the order they are taken. Hence every
/// number up to the committed counter value (<see cref="CurrentAsync"/>) belongs to a committed transaction, and a
/// delta token holding that value never skips a change that commits later.
/// </summary>
public static class ChangeVersions
{
    /// <summary>Takes the next change number; the context must be in a transaction.</summary>
    public static async Task<long> NextAsync(DbContext db, CancellationToken cancellationToken)
    {
        await using var command = NextCommand(db);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Takes the next change number (for the synchronous bulk writers); the context must be in a transaction.</summary>
    public static long Next(DbContext db)
    {
        using var command = NextCommand(db);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static DbCommand NextCommand(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A change number is taken inside the writing transaction.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = TableCommand.ProviderOf(db) == DatabaseProvider.SqlServer
            ? "UPDATE [ChangeCounters] SET [Value] = [Value] + 1 OUTPUT inserted.[Value] WHERE [Id] = 1"
            : "UPDATE \"ChangeCounters\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1 RETURNING \"Value\"";
        command.Transaction = transaction.GetDbTransaction();
        return command;
    }

    /// <summary>The last committed change number.</summary>
    public static Task<long> CurrentAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ChangeCounter>().AsNoTracking().Where(c => c.Id == 1).Select(c => c.Value).SingleAsync(cancellationToken);
    }
}
