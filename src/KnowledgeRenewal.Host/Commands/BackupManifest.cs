using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeRenewal.Host.Commands;

/// <summary>One file in a backup: its path inside the archive (forward slashes), size and SHA-256 (hex, lower case).</summary>
/// <param name="Path">Path inside the archive, e.g. <c>keys/audit-chain.key</c>.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256 of the content.</param>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>
/// <c>manifest.json</c> of a backup archive (ADR 0022): what was written and what a restore must find again — every
/// file with its checksum, the row count of every table, the audit chain's last sequence and the applied migrations
/// of each history table, all read from the copy itself (not from the live database) after the online backup.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="CreatedAt">When the backup was taken (UTC).</param>
/// <param name="PlatformVersion">The build that took it.</param>
/// <param name="Database">The database file's path inside the archive.</param>
/// <param name="Files">Every file in the archive except the manifest.</param>
/// <param name="Tables">Row count of every table of the copy.</param>
/// <param name="AuditLastSequence">The audit chain head's last sequence in the copy.</param>
/// <param name="Migrations">Applied migration ids per history table in the copy.</param>
public sealed record BackupManifest(
    string Format,
    DateTimeOffset CreatedAt,
    string PlatformVersion,
    string Database,
    IReadOnlyList<BackupFile> Files,
    IReadOnlyDictionary<string, long> Tables,
    long AuditLastSequence,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Migrations)
{
    /// <summary>The manifest's name inside the archive.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The format this build writes and reads.</summary>
    public const string CurrentFormat = "knowledge-renewal-backup/1";

    /// <summary>The database file's name inside the archive.</summary>
    public const string DatabaseEntry = "knowledge-renewal.db";

    /// <summary>The key folder's prefix inside the archive.</summary>
    public const string KeysPrefix = "keys/";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The manifest as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a manifest; null and an error when it is not one this build understands.</summary>
    public static BackupManifest? FromJson(string json, out string? error)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            if (manifest is null || manifest.Files is null || manifest.Tables is null || manifest.Migrations is null)
            {
                error = "manifest.json is empty or incomplete.";
                return null;
            }

            if (manifest.Format != CurrentFormat)
            {
                error = $"manifest.json has format '{manifest.Format}'; this build reads '{CurrentFormat}'.";
                return null;
            }

            error = null;
            return manifest;
        }
        catch (JsonException exception)
        {
            error = "manifest.json is not valid: " + exception.Message;
            return null;
        }
    }

    /// <summary>
    /// What is wrong with the files found (path → size and SHA-256) against the manifest: a path that could escape the
    /// target folder, a missing, extra or changed file, or no database file. Empty when everything matches.
    /// </summary>
    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, BackupFile> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var problems = new List<string>();
        foreach (var path in Files.Select(f => f.Path).Concat(found.Keys).Distinct(StringComparer.Ordinal).Where(p => !IsSafePath(p)))
        {
            problems.Add($"{path}: not a safe relative path.");
        }

        if (Files.All(f => f.Path != Database) || Database != DatabaseEntry)
        {
            problems.Add($"the manifest does not list the database file {DatabaseEntry}.");
        }

        foreach (var file in Files)
        {
            if (!found.TryGetValue(file.Path, out var actual))
            {
                problems.Add($"{file.Path}: listed in the manifest but missing.");
            }
            else if (actual.Size != file.Size || !string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Path}: checksum mismatch ({actual.Size} bytes, sha256 {actual.Sha256}; the manifest says {file.Size} bytes, sha256 {file.Sha256})."));
            }
        }

        foreach (var extra in found.Keys.Where(p => Files.All(f => f.Path != p)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{extra}: in the archive but not in the manifest.");
        }

        return problems;
    }

    /// <summary>Tables whose counts differ from the manifest's (name: expected → actual). Empty when all match.</summary>
    public IReadOnlyList<string> CompareCounts(IReadOnlyDictionary<string, long> actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var problems = new List<string>();
        foreach (var name in Tables.Keys.Concat(actual.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var expected = Tables.TryGetValue(name, out var e) ? e : (long?)null;
            var got = actual.TryGetValue(name, out var a) ? a : (long?)null;
            if (expected != got)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {expected?.ToString(CultureInfo.InvariantCulture) ?? "absent"} in the manifest, {got?.ToString(CultureInfo.InvariantCulture) ?? "absent"} restored."));
            }
        }

        return problems;
    }

    /// <summary>Whether an archive path is relative, uses forward slashes and stays inside the folder it is extracted to.</summary>
    public static bool IsSafePath(string path) =>
        !string.IsNullOrWhiteSpace(path)
        && !path.StartsWith('/')
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Contains(':', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    /// <summary>Size and SHA-256 of a stream read to its end.</summary>
    public static async Task<BackupFile> DescribeAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }

        return new BackupFile(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
