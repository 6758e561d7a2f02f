using System.Globalization;
using System.IO.Compression;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Security;
using MediatR;
using Microsoft.Data.Sqlite;

namespace KnowledgeRenewal.Host.Commands;

/// <summary>What <c>restore</c> was asked to do.</summary>
/// <param name="From">The archive written by <c>backup</c>.</param>
/// <param name="To">The data folder to restore into (null: the configured one).</param>
/// <param name="Force">Whether an existing database and key folder may be replaced (they are moved aside, not deleted).</param>
public sealed record RestoreOptions(string From, string? To, bool Force);

/// <summary>
/// <c>dotnet run --project src/KnowledgeRenewal.Host -- restore --from FILE.zip [--to DATA-FOLDER] [--force]</c>:
/// checks every file of a <c>backup</c> archive against its manifest's SHA-256, unpacks it into a staging folder
/// inside the data folder, checks the database there (<c>PRAGMA integrity_check</c>, every table's row count = the
/// manifest's, no migration unknown to this build), then moves the key folder and the database into place (renames on
/// the same file system) and verifies the result through the platform's own use cases: the audit chain
/// (<see cref="VerifyAuditChain"/>) and every certificate's signed credential (<see cref="VerifyCertificateSignatures"/>).
/// It refuses to replace an existing database unless <c>--force</c> is given — and even then the old files are moved
/// aside (<c>*.before-restore-…</c>); stop the platform first. With <c>--to</c>, the database is
/// <c>{to}/knowledge-renewal.db</c> and the keys <c>{to}/keys</c>: start the platform with
/// <c>Database__DataDirectory={to}</c>. PostgreSQL and SQL Server are refused (README, "Backup and restore").
/// </summary>
public static class RestoreCommand
{
    /// <summary>The command's name (first argument).</summary>
    public const string Name = "restore";

    /// <summary>How to use it.</summary>
    public const string Usage = "Usage: dotnet run --project src/KnowledgeRenewal.Host -- restore --from FILE.zip [--to DATA-FOLDER] [--force]";

    private const string ForceFlag = "--force";

    private static readonly CommandOptions Options = new("--from", "--to");

    /// <summary>
    /// The arguments for the host itself: those that are not the command's own, plus — with <c>--to</c> — the data
    /// folder and database file the restored platform will use, so the verification runs on the restored files.
    /// </summary>
    public static string[] HostArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var own = args.Where(a => a != ForceFlag).ToArray();
        var rest = Options.HostArguments(own).ToList();
        if (Options.Read(own, out _) is { } values && values.TryGetValue("--to", out var to))
        {
            var folder = Path.GetFullPath(to);
            rest.Add($"--{DatabaseOptions.Section}:DataDirectory={folder}");
            rest.Add($"--ConnectionStrings:{DatabaseOptions.ConnectionStringName}=Data Source={Path.Combine(folder, BackupManifest.DatabaseEntry)}");
        }

        return [.. rest];
    }

    /// <summary>Reads the command's options; null and an error when they are wrong.</summary>
    public static RestoreOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var force = args.Contains(ForceFlag, StringComparer.Ordinal);
        if (Options.Read([.. args.Where(a => a != ForceFlag)], out error) is not { } values)
        {
            return null;
        }

        if (!values.TryGetValue("--from", out var from))
        {
            error = "--from is required.";
            return null;
        }

        error = null;
        return new RestoreOptions(Path.GetFullPath(from), values.TryGetValue("--to", out var to) ? Path.GetFullPath(to) : null, force);
    }

    /// <summary>Runs the command on a built host whose configuration points at the folder to restore into.</summary>
    /// <returns>0 when restored and verified; 1 when refused or a check failed; 2 on a usage error.</returns>
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
            await errors.WriteLineAsync(BackupCommand.ServerDatabaseMessage(database.Provider)).ConfigureAwait(false);
            return 1;
        }

        if (!File.Exists(options.From))
        {
            await errors.WriteLineAsync($"There is no backup at {options.From}.").ConfigureAwait(false);
            return 1;
        }

        var target = SqliteDatabaseFile.PathOf(database.ConnectionString);
        var keysFolder = services.GetRequiredService<LocalKeyStore>().Folder;
        // A database is never replaced unless forced. A key folder without a database (the host may create keys as it
        // is built) is moved aside like a replaced one: nothing is deleted either way.
        var existing = new[] { target, target + "-wal", target + "-shm" }.Where(File.Exists).ToList();
        if (existing.Count > 0 && !options.Force)
        {
            await errors.WriteLineAsync($"Refused: {string.Join(", ", existing)} exist(s). Restore into a fresh folder (--to), or stop the platform and pass --force (the old files are moved aside, not deleted).").ConfigureAwait(false);
            return 1;
        }

        if (Directory.Exists(keysFolder))
        {
            existing.Add(keysFolder);
        }

        Directory.CreateDirectory(database.DataDirectory);
        var staging = Path.Combine(database.DataDirectory, $".restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var manifest = await UnpackAsync(options.From, staging, errors, cancellationToken).ConfigureAwait(false);
            if (manifest is null || !await CheckAsync(services, manifest, Path.Combine(staging, BackupManifest.DatabaseEntry), output, errors, cancellationToken).ConfigureAwait(false))
            {
                return 1;
            }

            // Into place: the old files aside (forced), then the keys, then the database (renames within the data folder).
            SqliteConnection.ClearAllPools();
            var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            foreach (var path in existing)
            {
                var aside = $"{path}.before-restore-{stamp}";
                if (Directory.Exists(path))
                {
                    Directory.Move(path, aside);
                }
                else
                {
                    File.Move(path, aside);
                }

                await output.WriteLineAsync($"  moved aside: {aside}").ConfigureAwait(false);
            }

            var stagedKeys = Path.Combine(staging, "keys");
            if (Directory.Exists(stagedKeys))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(keysFolder)!);
                Directory.Move(stagedKeys, keysFolder);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(staging, BackupManifest.DatabaseEntry), target);
            await output.WriteLineAsync($"Restored {options.From} (taken {manifest.CreatedAt:u}) into {target} and {keysFolder}.").ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        return await VerifyAsync(services, output, errors, cancellationToken).ConfigureAwait(false);
    }

    // Unpacks every entry into the staging folder while hashing it, then compares with the manifest.
    private static async Task<BackupManifest?> UnpackAsync(string from, string staging, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var zipStream = File.OpenRead(from);
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        var manifestEntry = zip.GetEntry(BackupManifest.FileName);
        if (manifestEntry is null)
        {
            await errors.WriteLineAsync($"{from} has no {BackupManifest.FileName}: not a backup written by this platform.").ConfigureAwait(false);
            return null;
        }

        string json;
        using (var reader = new StreamReader(manifestEntry.Open()))
        {
            json = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        var manifest = BackupManifest.FromJson(json, out var error);
        if (manifest is null)
        {
            await errors.WriteLineAsync(error).ConfigureAwait(false);
            return null;
        }

        var found = new Dictionary<string, BackupFile>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.FullName != BackupManifest.FileName && !e.FullName.EndsWith('/')))
        {
            if (!BackupManifest.IsSafePath(entry.FullName))
            {
                found[entry.FullName] = new BackupFile(entry.FullName, entry.Length, "");
                continue;
            }

            var path = Path.Combine(staging, entry.FullName.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var into = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            await using (var content = entry.Open())
            {
                if (!OperatingSystem.IsWindows() && entry.FullName.StartsWith(BackupManifest.KeysPrefix, StringComparison.Ordinal))
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                await content.CopyToAsync(into, cancellationToken).ConfigureAwait(false);
            }

            await using var written = File.OpenRead(path);
            found[entry.FullName] = await BackupManifest.DescribeAsync(entry.FullName, written, cancellationToken).ConfigureAwait(false);
        }

        var problems = manifest.Check(found);
        if (problems.Count > 0)
        {
            await errors.WriteLineAsync("Refused: the archive does not match its manifest:").ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync("  " + problem).ConfigureAwait(false);
            }

            return null;
        }

        return manifest;
    }

    // The staged database: intact, the manifest's counts, nothing newer than this build.
    private static async Task<bool> CheckAsync(IServiceProvider services, BackupManifest manifest, string staged, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(SqliteDatabaseFile.ReadOnly(staged));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var integrity = await SqliteDatabaseFile.IntegrityAsync(connection, cancellationToken).ConfigureAwait(false);
        if (integrity != "ok")
        {
            await errors.WriteLineAsync($"Refused: the backup's database failed PRAGMA integrity_check: {integrity}").ConfigureAwait(false);
            return false;
        }

        var counts = SqliteDatabaseFile.CountsAsync(connection, cancellationToken);
        var mismatches = manifest.CompareCounts(await counts.ConfigureAwait(false));
        var auditLast = await SqliteDatabaseFile.AuditLastSequenceAsync(connection, cancellationToken).ConfigureAwait(false);
        if (auditLast != manifest.AuditLastSequence)
        {
            mismatches = [.. mismatches, string.Create(CultureInfo.InvariantCulture, $"audit chain last sequence: {manifest.AuditLastSequence} in the manifest, {auditLast} restored.")];
        }

        if (mismatches.Count > 0)
        {
            await errors.WriteLineAsync("Refused: the backup's database does not hold what its manifest recorded:").ConfigureAwait(false);
            foreach (var mismatch in mismatches)
            {
                await errors.WriteLineAsync("  " + mismatch).ConfigureAwait(false);
            }

            return false;
        }

        var known = SqliteDatabaseFile.KnownMigrations(services);
        var (unknown, pending) = SqliteDatabaseFile.CompareMigrations(
            await SqliteDatabaseFile.MigrationsAsync(connection, known.Keys.Concat(manifest.Migrations.Keys).Distinct(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false),
            known);
        if (unknown.Count > 0)
        {
            await errors.WriteLineAsync("Refused: the backup was taken by a newer build (migrations this build does not know: " + string.Join("; ", unknown) + ").").ConfigureAwait(false);
            return false;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  checksums ok ({manifest.Files.Count} files); integrity ok; {manifest.Tables.Count} tables hold the manifest's counts; audit chain last sequence {auditLast}")).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            await output.WriteLineAsync($"  {pending.Count} migration(s) newer than the backup are applied now: {string.Join("; ", pending)}").ConfigureAwait(false);
        }

        return true;
    }

    // The restored platform, through its own use cases: the audit chain and the certificates' signatures.
    private static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoMode: false, demoSeed: 0, cancellationToken).ConfigureAwait(false);
        using var system = SystemScope.Enter();
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var chain = await mediator.Send(new VerifyAuditChain(), cancellationToken).ConfigureAwait(false);
        var signatures = await mediator.Send(new VerifyCertificateSignatures(), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(chain.IsIntact
            ? string.Create(CultureInfo.InvariantCulture, $"  audit chain intact ({chain.RecordsChecked:N0} records checked)")
            : $"  AUDIT CHAIN BROKEN at {chain.BrokenAtSequence}: {chain.Reason}").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  certificate signatures: {signatures.Valid:N0} of {signatures.Checked:N0} verify with the restored signing key, {signatures.Invalid:N0} do not, {signatures.OtherKey:N0} by other keys")).ConfigureAwait(false);
        if (!chain.IsIntact || !signatures.IsIntact)
        {
            await errors.WriteLineAsync("The restored data did not verify (see above): do not put it into service; check that the archive's key folder belongs to its database.").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync("Restore verified.").ConfigureAwait(false);
        return 0;
    }
}
