using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Security;
using Microsoft.Data.Sqlite;

namespace KnowledgeRenewal.Host.Commands;

/// <summary>What <c>backup</c> was asked to do.</summary>
/// <param name="To">The archive to write (must not exist).</param>
public sealed record BackupOptions(string To);

/// <summary>
/// <c>dotnet run --project src/KnowledgeRenewal.Host -- backup --to FILE.zip</c>: takes a consistent copy of the SQLite
/// database while the platform keeps serving (SQLite's online backup API; the copy is one read snapshot, writers go
/// on in WAL mode), checks the copy (<c>PRAGMA integrity_check</c>, applied migrations = this build's), and writes one
/// zip — the database, the key folder (<c>{data}/keys</c>: audit-chain, personal-data, ID-number, token and credential
/// signing keys, data-protection key ring) and <c>manifest.json</c> with every file's SHA-256, every table's row count
/// and the audit chain's last sequence (ADR 0022). The zip is written beside the target and renamed into place, so a
/// reader never sees half an archive; it holds private keys, so it is created readable by its owner only. PostgreSQL
/// and SQL Server are refused with a pointer to the README's procedure (<c>pg_dump</c> / the server's own backup).
/// </summary>
public static class BackupCommand
{
    /// <summary>The command's name (first argument).</summary>
    public const string Name = "backup";

    /// <summary>How to use it.</summary>
    public const string Usage = "Usage: dotnet run --project src/KnowledgeRenewal.Host -- backup --to FILE.zip";

    /// <summary>Said when the provider is not SQLite.</summary>
    public static string ServerDatabaseMessage(DatabaseProvider provider) =>
        $"backup and restore handle the embedded SQLite database only. For {provider} use the database's own tools and copy the key folder: see README, section \"Backup and restore\" (pg_dump -Fc / pg_restore for PostgreSQL).";

    private static readonly CommandOptions Options = new("--to");

    /// <summary>The arguments after the command name that are not its own (configuration overrides for the host).</summary>
    public static string[] HostArguments(IReadOnlyList<string> args) => Options.HostArguments(args);

    /// <summary>Reads the command's options; null and an error when they are wrong.</summary>
    public static BackupOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Options.Read(args, out error) is not { } values)
        {
            return null;
        }

        if (!values.TryGetValue("--to", out var to))
        {
            error = "--to is required.";
            return null;
        }

        error = null;
        return new BackupOptions(Path.GetFullPath(to));
    }

    /// <summary>Runs the command on a built host (the platform may be running on the same database meanwhile).</summary>
    /// <returns>0 when the archive was written and checked; 1 when refused or the copy failed its checks; 2 on a usage error.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var options = Parse(args, out var error);
        if (options is null)
        {
            await errors.WriteLineAsync(error).ConfigureAwait(false);
            await errors.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await errors.WriteLineAsync(ServerDatabaseMessage(database.Provider)).ConfigureAwait(false);
            return 1;
        }

        var source = SqliteDatabaseFile.PathOf(database.ConnectionString);
        if (!File.Exists(source))
        {
            await errors.WriteLineAsync($"There is no database at {source}.").ConfigureAwait(false);
            return 1;
        }

        if (File.Exists(options.To) || Directory.Exists(options.To))
        {
            await errors.WriteLineAsync($"{options.To} exists already; a backup never overwrites one.").ConfigureAwait(false);
            return 1;
        }

        var target = Path.GetDirectoryName(options.To)!;
        Directory.CreateDirectory(target);
        var staging = Path.Combine(target, $".{Path.GetFileName(options.To)}.{Guid.NewGuid():N}.partial");
        Directory.CreateDirectory(staging);
        try
        {
            return await WriteAsync(services, database, source, options.To, staging, output, errors, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task<int> WriteAsync(
        IServiceProvider services, DatabaseOptions database, string source, string to, string staging, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();

        // 1. The online backup: one read transaction on the live database, page by page into the copy.
        var copy = Path.Combine(staging, BackupManifest.DatabaseEntry);
        await using (var live = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false, DefaultTimeout = 30 }.ToString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await live.OpenAsync(cancellationToken).ConfigureAwait(false);
            await destination.OpenAsync(cancellationToken).ConfigureAwait(false);
            live.BackupDatabase(destination);
        }

        var copied = watch.Elapsed;

        // 2. The copy is checked on its own: intact, migrated to exactly what this build knows.
        SortedDictionary<string, long> tables;
        SortedDictionary<string, IReadOnlyList<string>> migrations;
        long auditLast;
        await using (var check = new SqliteConnection(SqliteDatabaseFile.ReadOnly(copy)))
        {
            await check.OpenAsync(cancellationToken).ConfigureAwait(false);
            var integrity = await SqliteDatabaseFile.IntegrityAsync(check, cancellationToken).ConfigureAwait(false);
            if (integrity != "ok")
            {
                await errors.WriteLineAsync($"The copy failed PRAGMA integrity_check: {integrity}").ConfigureAwait(false);
                return 1;
            }

            var known = SqliteDatabaseFile.KnownMigrations(services);
            migrations = await SqliteDatabaseFile.MigrationsAsync(check, known.Keys, cancellationToken).ConfigureAwait(false);
            var (unknown, pending) = SqliteDatabaseFile.CompareMigrations(migrations, known);
            if (unknown.Count > 0 || pending.Count > 0)
            {
                await errors.WriteLineAsync("The copy's migrations history does not match this build: "
                    + string.Join("; ", unknown.Select(u => "unknown " + u).Concat(pending.Select(p => "not applied " + p)))).ConfigureAwait(false);
                return 1;
            }

            tables = await SqliteDatabaseFile.CountsAsync(check, cancellationToken).ConfigureAwait(false);
            auditLast = await SqliteDatabaseFile.AuditLastSequenceAsync(check, cancellationToken).ConfigureAwait(false);
        }

        // 3. The keys that live beside the database (settings-held keys are the operator's secret store's business).
        var keysFolder = services.GetRequiredService<LocalKeyStore>().Folder;
        var entries = new List<(string Entry, string File)> { (BackupManifest.DatabaseEntry, copy) };
        if (Directory.Exists(keysFolder))
        {
            entries.AddRange(Directory.EnumerateFiles(keysFolder, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(f => (BackupManifest.KeysPrefix + Path.GetRelativePath(keysFolder, f).Replace(Path.DirectorySeparatorChar, '/'), f)));
        }
        else
        {
            await output.WriteLineAsync($"Note: no key folder at {keysFolder}; keys set in configuration are not part of a backup.").ConfigureAwait(false);
        }

        var files = new List<BackupFile>();
        foreach (var (entry, file) in entries)
        {
            await using var stream = File.OpenRead(file);
            files.Add(await BackupManifest.DescribeAsync(entry, stream, cancellationToken).ConfigureAwait(false));
        }

        var manifest = new BackupManifest(
            BackupManifest.CurrentFormat,
            DateTimeOffset.UtcNow,
            typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            BackupManifest.DatabaseEntry,
            files,
            tables,
            auditLast,
            migrations);

        // 4. One archive, renamed into place when complete; owner-only (it holds private keys).
        var partial = Path.Combine(staging, "archive.zip");
        await using (var zipStream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using var zip = new ZipArchive(zipStream, ZipArchiveMode.Create);
            var manifestEntry = zip.CreateEntry(BackupManifest.FileName, CompressionLevel.Optimal);
            await using (var writer = new StreamWriter(manifestEntry.Open()))
            {
                await writer.WriteAsync(manifest.ToJson()).ConfigureAwait(false);
            }

            foreach (var (entry, file) in entries)
            {
                await using var from = File.OpenRead(file);
                await using var into = zip.CreateEntry(entry, CompressionLevel.Fastest).Open();
                await from.CopyToAsync(into, cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(partial, to, overwrite: false);
        var size = new FileInfo(to).Length;
        var databaseSize = files[0].Size;

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backup written: {to}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  archive {size / 1048576.0:F1} MB (database {databaseSize / 1048576.0:F1} MB, {files.Count - 1} key files), online copy {copied.TotalSeconds:F1} s, total {watch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  integrity ok; migrations {string.Join(", ", migrations.Select(m => $"{m.Key} {m.Value.Count}"))}; {tables.Count} tables")).ConfigureAwait(false);
        foreach (var key in KeyTables.Where(tables.ContainsKey))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {key,-26} {tables[key],10:N0}")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  audit chain last sequence {auditLast}")).ConfigureAwait(false);
        await output.WriteLineAsync("Keep it as safely as the key folder: it holds the platform's private keys.").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The tables whose counts are printed (all are in the manifest).</summary>
    public static IReadOnlyList<string> KeyTables { get; } =
        ["Professionals", "Employments", "CreditRecords", "ActivityDeclarations", "CreditCertificates", "CertificateVerifications", "Users", "AuditRecords"];
}
