using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Jose;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Host.Commands;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Operations;

/// <summary>
/// <c>backup</c> and <c>restore</c> as an operator runs them (ADR 0022): a backup taken by the command while a running
/// platform serves a write load, restored into a fresh folder, holds what its manifest recorded; the restore verifies
/// the audit chain and every certificate signature, and a platform started on the restored folder answers the public
/// verification of a certificate issued before the backup and publishes the key its credential was signed with.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_backup_taken_under_write_load_restores_into_a_fresh_folder_with_the_same_counts_and_verifies()
    {
        if (TestDatabase.UsesPostgres)
        {
            return; // SQLite only: the server databases' procedure is the README's (pg_dump / pg_restore)
        }

        await using var database = await TestDatabase.CreateAsync();
        database.UseDemoTemplate();
        var environment = HostProcess.EnvironmentFor(database);
        environment["Certificates__VerificationsPerMinute"] = "1000000";
        var dataFolder = environment["Database__DataDirectory"]!;
        var (number, code, credential) = await CertificateAsync(database.ConnectionString);
        var verificationsBefore = await database.ScalarAsync("SELECT COUNT(*) FROM \"CertificateVerifications\"");

        var work = Path.Combine(Path.GetTempPath(), "kr-tests", "backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var archive = Path.Combine(work, "city.zip");
            var restored = Path.Combine(work, "restored");

            // The platform serves a write load: verifications (each one a log row and an audit record) from 8 clients.
            await using (var live = HostProcess.Start(environment))
            {
                using var ready = await live.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
                using var client = new HttpClient { BaseAddress = ready.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                using var stop = new CancellationTokenSource();
                var answered = 0L;
                var failed = 0L;
                var load = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var path = i % 2 == 0 ? code : VerificationCodes.Generate();
                        using var response = await client.GetAsync(new Uri($"/api/public/certificates/{path}", UriKind.Relative), CancellationToken.None);
                        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound)
                        {
                            Interlocked.Increment(ref answered);
                        }
                        else
                        {
                            Interlocked.Increment(ref failed);
                        }
                    }
                })).ToArray();

                await Task.Delay(TimeSpan.FromSeconds(2));
                var answeredBeforeBackup = Interlocked.Read(ref answered);
                var watch = Stopwatch.StartNew();
                var (exitCode, backupOutput) = await RunAsync(environment, "backup", "--to", archive);
                output.WriteLine($"backup under load: {watch.Elapsed.TotalSeconds:F1} s (process included)\n{backupOutput}");
                Assert.True(exitCode == 0, backupOutput);
                await Task.Delay(TimeSpan.FromSeconds(1));
                await stop.CancelAsync();
                await Task.WhenAll(load);

                output.WriteLine($"load: {answered} answers ({answered - answeredBeforeBackup} during and after the backup), {failed} failures");
                Assert.Equal(0, failed);
                Assert.True(answered - answeredBeforeBackup > 0, "the platform kept answering while the backup ran");
            }

            var manifest = ReadManifest(archive);
            Assert.Contains(manifest.Files, f => f.Path == "keys/credential-signing.pem");
            Assert.Contains(manifest.Files, f => f.Path == "keys/audit-chain.key");
            Assert.Contains(manifest.Files, f => f.Path == "keys/personal-data.key");
            Assert.Contains(manifest.Files, f => f.Path.StartsWith("keys/data-protection/", StringComparison.Ordinal));
            Assert.True(manifest.Tables["CertificateVerifications"] > verificationsBefore, "the backup holds writes of the load");
            Assert.True(manifest.AuditLastSequence > 0);

            // Restore into a fresh folder: checksums, counts, the audit chain and the signatures are checked by the command.
            var (restoreCode, restoreOutput) = await RunAsync(environment, "restore", "--from", archive, "--to", restored);
            output.WriteLine(restoreOutput);
            Assert.True(restoreCode == 0, restoreOutput);
            Assert.Contains("audit chain intact", restoreOutput, StringComparison.Ordinal);
            Assert.Contains("Restore verified.", restoreOutput, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(restored, "keys", "credential-signing.pem")));

            // The restored file holds the manifest's counts (the restore's own verification adds audit records only).
            var restoredConnection = $"Data Source={Path.Combine(restored, BackupManifest.DatabaseEntry)}";
            var counts = await CountsAsync(restoredConnection, manifest.Tables.Keys);
            foreach (var (table, expected) in manifest.Tables.Where(t => t.Key is not ("AuditRecords" or "AuditChainHead") && !t.Key.StartsWith("QRTZ_", StringComparison.Ordinal) && !t.Key.StartsWith("__EF", StringComparison.Ordinal)))
            {
                Assert.True(expected == counts[table], $"{table}: {expected} in the manifest, {counts[table]} restored");
            }

            Assert.True(counts["AuditRecords"] > manifest.Tables["AuditRecords"]);

            // A platform on the restored folder: the certificate issued before the backup verifies, its signature too.
            var restoredEnvironment = new Dictionary<string, string?>(environment)
            {
                ["Database__DataDirectory"] = restored,
                ["ConnectionStrings__Platform"] = restoredConnection,
            };
            await using (var host = HostProcess.Start(restoredEnvironment))
            {
                using var ready = await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
                using var client = new HttpClient { BaseAddress = ready.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                using var view = await client.GetAsync(new Uri($"/api/public/certificates/{code}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, view.StatusCode);
                using (var body = JsonDocument.Parse(await view.Content.ReadAsStringAsync()))
                {
                    Assert.Equal(number, body.RootElement.GetProperty("number").GetString());
                }

                var keySet = JwkSet.FromJson(await client.GetStringAsync(new Uri("/api/public/credential-keys", UriKind.Relative)), JWT.DefaultSettings.JsonMapper);
                var key = keySet.Keys.Single(k => k.KeyId == (string)JWT.Headers(credential)["kid"]);
                using var payload = JsonDocument.Parse(JWT.Decode(credential, key, JwsAlgorithm.ES256));
                Assert.Equal(number, payload.RootElement.GetProperty("credentialSubject").GetProperty("certificateNumber").GetString());
            }

            // A second restore onto the now existing database is refused without --force.
            var (again, againOutput) = await RunAsync(environment, "restore", "--from", archive, "--to", restored);
            Assert.Equal(1, again);
            Assert.Contains("Refused", againOutput, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }

        Assert.True(Directory.Exists(dataFolder));
    }

    [Fact]
    public async Task A_tampered_archive_is_refused_and_nothing_is_restored()
    {
        var work = Path.Combine(Path.GetTempPath(), "kr-tests", "backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var archive = Path.Combine(work, "tampered.zip");
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, "test", BackupManifest.DatabaseEntry,
                [new BackupFile(BackupManifest.DatabaseEntry, 4, new string('0', 64))], new Dictionary<string, long>(), 0, new Dictionary<string, IReadOnlyList<string>>());
            using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
            {
                await using (var writer = new StreamWriter(zip.CreateEntry(BackupManifest.FileName).Open()))
                {
                    await writer.WriteAsync(manifest.ToJson());
                }

                await using (var writer = new StreamWriter(zip.CreateEntry(BackupManifest.DatabaseEntry).Open()))
                {
                    await writer.WriteAsync("evil");
                }
            }

            var restored = Path.Combine(work, "restored");
            var (exitCode, text) = await RunAsync(new Dictionary<string, string?> { ["Database__Provider"] = "Sqlite" }, "restore", "--from", archive, "--to", restored);

            Assert.Equal(1, exitCode);
            Assert.Contains("checksum mismatch", text, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(restored, BackupManifest.DatabaseEntry)));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        await using var process = HostProcess.Start(environment, arguments);
        var exitCode = await process.WaitForExitAsync(CommandTimeout);
        return (exitCode, process.Output);
    }

    private static BackupManifest ReadManifest(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var reader = new StreamReader(zip.GetEntry(BackupManifest.FileName)!.Open());
        return BackupManifest.FromJson(reader.ReadToEnd(), out var error) ?? throw new InvalidOperationException(error);
    }

    private static async Task<(string Number, string Code, string Credential)> CertificateAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Number\", \"VerificationCode\", \"Credential\" FROM \"CreditCertificates\" WHERE \"Status\" = 'Valid' ORDER BY \"Number\" LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the demo city has certificates");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString, IEnumerable<string> tables)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
