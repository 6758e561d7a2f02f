using System.Text;
using KnowledgeRenewal.Host.Commands;

namespace KnowledgeRenewal.IntegrationTests.Operations;

/// <summary>The backup manifest's checks (no host): checksums, unsafe paths, counts, format; and the commands' arguments.</summary>
public sealed class BackupManifestTests
{
    private static readonly BackupFile Database = new(BackupManifest.DatabaseEntry, 4, Sha("data"));
    private static readonly BackupFile Key = new("keys/audit-chain.key", 3, Sha("key"));

    [Fact]
    public void Files_that_match_the_manifest_pass()
    {
        Assert.Empty(Manifest().Check(Found(Database, Key)));
    }

    [Fact]
    public void A_changed_missing_or_extra_file_is_named()
    {
        var changed = Manifest().Check(Found(Database with { Sha256 = Sha("atad") }, Key));
        var missing = Manifest().Check(Found(Database));
        var extra = Manifest().Check(Found(Database, Key, new BackupFile("keys/planted.key", 1, Sha("x"))));

        Assert.Contains(changed, p => p.StartsWith("knowledge-renewal.db: checksum mismatch", StringComparison.Ordinal));
        Assert.Contains(missing, p => p.StartsWith("keys/audit-chain.key: listed in the manifest but missing", StringComparison.Ordinal));
        Assert.Contains(extra, p => p.StartsWith("keys/planted.key: in the archive but not in the manifest", StringComparison.Ordinal));
    }

    [Fact]
    public void A_size_change_with_the_same_hash_text_is_still_a_mismatch()
    {
        Assert.NotEmpty(Manifest().Check(Found(Database with { Size = 5 }, Key)));
    }

    [Theory]
    [InlineData("../outside.db")]
    [InlineData("keys/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("keys\\evil")]
    [InlineData("C:evil")]
    [InlineData("keys//double")]
    public void Paths_that_could_leave_the_target_folder_are_refused(string path)
    {
        Assert.False(BackupManifest.IsSafePath(path));
        Assert.Contains(Manifest().Check(Found(Database, Key, new BackupFile(path, 1, Sha("x")))), p => p.Contains("not a safe relative path", StringComparison.Ordinal));
    }

    [Fact]
    public void A_manifest_without_the_database_is_refused()
    {
        var manifest = Manifest() with { Files = [Key] };

        Assert.Contains(manifest.Check(Found(Key)), p => p.Contains("does not list the database", StringComparison.Ordinal));
    }

    [Fact]
    public void Counts_are_compared_table_by_table()
    {
        var manifest = Manifest();

        Assert.Empty(manifest.CompareCounts(new Dictionary<string, long> { ["CreditRecords"] = 10, ["AuditRecords"] = 3 }));
        var problems = manifest.CompareCounts(new Dictionary<string, long> { ["CreditRecords"] = 9, ["Extra"] = 1 });
        Assert.Equal(["AuditRecords: 3 in the manifest, absent restored.", "CreditRecords: 10 in the manifest, 9 restored.", "Extra: absent in the manifest, 1 restored."], problems);
    }

    [Fact]
    public async Task It_round_trips_through_json_and_refuses_other_formats()
    {
        var manifest = Manifest();
        var read = BackupManifest.FromJson(manifest.ToJson(), out var error);

        Assert.Null(error);
        Assert.NotNull(read);
        Assert.Equal(manifest.Files, read.Files);
        Assert.Equal(manifest.Tables, read.Tables);
        Assert.Equal(manifest.AuditLastSequence, read.AuditLastSequence);
        Assert.Equal(manifest.Migrations["__EFMigrationsHistory"], read.Migrations["__EFMigrationsHistory"]);
        Assert.Null(BackupManifest.FromJson(manifest.ToJson().Replace(BackupManifest.CurrentFormat, "other/9", StringComparison.Ordinal), out error));
        Assert.Contains("format", error, StringComparison.Ordinal);
        Assert.Null(BackupManifest.FromJson("{ not json", out error));
        Assert.NotNull(error);

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("data"));
        Assert.Equal(Database, await BackupManifest.DescribeAsync(BackupManifest.DatabaseEntry, stream, CancellationToken.None));
    }

    [Fact]
    public void Migrations_newer_than_the_build_are_unknown_and_older_backups_have_pending_ones()
    {
        var known = new Dictionary<string, IReadOnlyList<string>> { ["__EFMigrationsHistory"] = ["1_Initial", "2_Next"] };

        var (unknown, pending) = SqliteDatabaseFile.CompareMigrations(new Dictionary<string, IReadOnlyList<string>> { ["__EFMigrationsHistory"] = ["1_Initial", "3_Future"] }, known);

        Assert.Equal(["__EFMigrationsHistory: 3_Future"], unknown);
        Assert.Equal(["__EFMigrationsHistory: 2_Next"], pending);
    }

    [Fact]
    public void Restore_keeps_its_own_options_and_points_the_host_at_the_target_folder()
    {
        string[] args = ["--from", "/b/city.zip", "--force", "--to=/srv/restored", "--Logging:LogLevel:Default=Warning"];

        var options = RestoreCommand.Parse(args, out var error);
        var host = RestoreCommand.HostArguments(args);

        Assert.Null(error);
        Assert.Equal(new RestoreOptions("/b/city.zip", "/srv/restored", Force: true), options);
        Assert.Equal(["--Logging:LogLevel:Default=Warning", "--Database:DataDirectory=/srv/restored", "--ConnectionStrings:Platform=Data Source=/srv/restored/knowledge-renewal.db"], host);
        Assert.Null(RestoreCommand.Parse(["--to", "/x"], out error));
        Assert.Equal("--from is required.", error);
        Assert.Null(BackupCommand.Parse(["--to"], out error));
        Assert.Equal("--to needs a value.", error);
    }

    private static BackupManifest Manifest() => new(
        BackupManifest.CurrentFormat,
        DateTimeOffset.UtcNow,
        "1.0.0",
        BackupManifest.DatabaseEntry,
        [Database, Key],
        new Dictionary<string, long> { ["AuditRecords"] = 3, ["CreditRecords"] = 10 },
        3,
        new Dictionary<string, IReadOnlyList<string>> { ["__EFMigrationsHistory"] = ["1_Initial"] });

    private static Dictionary<string, BackupFile> Found(params BackupFile[] files) => files.ToDictionary(f => f.Path, StringComparer.Ordinal);

    private static string Sha(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
