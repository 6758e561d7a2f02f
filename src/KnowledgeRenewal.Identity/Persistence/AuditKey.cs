using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Security;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>
/// The HMAC key of the audit chain (see <see cref="AuditChain"/>). It never goes into the database:
/// whoever can write the database but not read the key cannot forge a consistent chain.
/// <list type="bullet">
/// <item>Production: set <c>Audit:ChainKey</c> (base64, at least 32 bytes) from a secret store, e.g. the environment
/// variable <c>Audit__ChainKey</c> filled from a vault or a Kubernetes secret. Generate one with
/// <c>openssl rand -base64 32</c>.</item>
/// <item>Otherwise (the embedded default, development, tests) a random key is generated once and kept in
/// <c>{Database:DataDirectory}/keys/audit-chain.key</c>, readable by the platform's account only (mode 600 on Unix).
/// Back it up with the database, apart from it: without the key the existing chain can no longer be verified.</item>
/// </list>
/// The key cannot be rotated in place: records are verified with the key they were written with.
/// </summary>
internal sealed class AuditKey
{
    /// <summary>Configuration key of the base64 key.</summary>
    public const string ConfigurationKey = "Audit:ChainKey";

    /// <summary>File name of the generated key under <c>{data}/keys</c>.</summary>
    public const string FileName = "audit-chain.key";

    /// <summary>Minimum key length in bytes.</summary>
    public const int MinimumBytes = 32;

    private readonly Lazy<byte[]> bytes;

    /// <summary>Creates the key; it is read (or generated) on first use, not at start-up.</summary>
    public AuditKey(LocalKeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        bytes = new Lazy<byte[]>(() => keys.GetOrCreateSecret(ConfigurationKey, FileName, MinimumBytes), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The key bytes (do not log or return them).</summary>
    internal byte[] Bytes => bytes.Value;

    /// <summary>Problems with a configured <c>Audit:ChainKey</c> (empty when unset or valid).</summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return [];
        }

        var buffer = new byte[configured.Length];
        if (!Convert.TryFromBase64String(configured.Trim(), buffer, out var length))
        {
            return [$"{ConfigurationKey} is not valid base64. Set it to at least {MinimumBytes} random bytes in base64 (e.g. `openssl rand -base64 32`), or leave it unset to use a generated key file."];
        }

        return length < MinimumBytes
            ? [$"{ConfigurationKey} holds {length} bytes; the audit chain key must be at least {MinimumBytes} bytes (e.g. `openssl rand -base64 32`)."]
            : [];
    }
}
