using System.Globalization;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KnowledgeRenewal.Host.Commands;

/// <summary>What <c>backup</c> and <c>restore</c> read from a SQLite file that no platform is using (a copy).</summary>
public static class SqliteDatabaseFile
{
    /// <summary>A read-only, unpooled connection string to <paramref name="path"/>.</summary>
    public static string ReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    /// <summary>The file a SQLite connection string names.</summary>
    public static string PathOf(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary><c>PRAGMA integrity_check</c>: "ok" or the problems SQLite lists.</summary>
    public static async Task<string> IntegrityAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var lines = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    /// <summary>The row count of every table (SQLite's own excepted).</summary>
    public static async Task<SortedDictionary<string, long>> CountsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The audit chain head's last sequence (0 when there is no head).</summary>
    public static async Task<long> AuditLastSequenceAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!(await TablesAsync(connection, cancellationToken).ConfigureAwait(false)).Contains("AuditChainHead"))
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT LastSequence FROM \"AuditChainHead\" WHERE \"Id\" = 1";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>The applied migration ids of each history table the file has.</summary>
    public static async Task<SortedDictionary<string, IReadOnlyList<string>>> MigrationsAsync(SqliteConnection connection, IEnumerable<string> historyTables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(historyTables);
        var tables = await TablesAsync(connection, cancellationToken).ConfigureAwait(false);
        var applied = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in historyTables.Where(tables.Contains))
        {
            var ids = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{table}\" ORDER BY \"MigrationId\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }

            applied[table] = ids;
        }

        return applied;
    }

    /// <summary>The migrations this build knows, per history table: the platform's and each enabled module's context.</summary>
    public static SortedDictionary<string, IReadOnlyList<string>> KnownMigrations(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var contexts = services.GetServices<ModuleDbContextRegistration>().Select(r => r.ContextType).Prepend(typeof(PlatformDbContext));
        var known = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in contexts)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            var options = db.GetService<IDbContextOptions>();
            var table = options.Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault()?.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName;
            known[table] = [.. db.Database.GetMigrations().Order(StringComparer.Ordinal)];
        }

        return known;
    }

    /// <summary>
    /// How the applied migrations of a copy differ from what this build knows: an applied migration this build does not
    /// know (the copy is from a newer build) is a problem; one not yet applied is listed too (a start applies it).
    /// </summary>
    public static (IReadOnlyList<string> Unknown, IReadOnlyList<string> Pending) CompareMigrations(
        IReadOnlyDictionary<string, IReadOnlyList<string>> applied,
        IReadOnlyDictionary<string, IReadOnlyList<string>> known)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(known);
        var unknown = new List<string>();
        var pending = new List<string>();
        foreach (var (table, ids) in applied)
        {
            var knownIds = known.GetValueOrDefault(table) ?? [];
            unknown.AddRange(ids.Except(knownIds, StringComparer.Ordinal).Select(id => $"{table}: {id}"));
        }

        foreach (var (table, ids) in known)
        {
            var appliedIds = applied.GetValueOrDefault(table) ?? [];
            pending.AddRange(ids.Except(appliedIds, StringComparer.Ordinal).Select(id => $"{table}: {id}"));
        }

        return (unknown, pending);
    }

    private static async Task<HashSet<string>> TablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
