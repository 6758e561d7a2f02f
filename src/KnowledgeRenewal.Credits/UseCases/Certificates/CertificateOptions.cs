using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>Configuration section <c>Certificates</c>.</summary>
public sealed class CertificateOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Certificates";

    /// <summary>Configuration key of the credential signing key (ECDSA P-256, PEM); generated under <c>data/keys</c> when unset.</summary>
    public const string SigningKeyKey = "Certificates:SigningKey";

    /// <summary>
    /// The public address of the platform (e.g. <c>https://jxjy.jining.gov.cn</c>) used in QR codes, in credentials
    /// (issuer, status) and in links. Deployments set it: without it the request's own address is used, which a
    /// client chooses. Outside a request (demo seeding) the platform's default address is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Public verifications (page and API) one client address may make per minute; more answer 429.</summary>
    public int VerificationsPerMinute { get; set; } = 30;

    /// <summary>
    /// How long a verification result is kept in memory (seconds; 0: not kept). This instance forgets a code as soon as
    /// its certificate is superseded or revoked here; another instance of the platform may show the old status for at
    /// most this long (ADR 0020).
    /// </summary>
    public int VerificationCacheSeconds { get; set; } = 10;

    /// <summary>At most this many verification results are kept in memory.</summary>
    public int VerificationCacheEntries { get; set; } = 20_000;

    /// <summary>
    /// The verification log is written in batches off the request path: at most this long (milliseconds) after a
    /// verification its entry is committed, so a <c>kill -9</c> loses at most this long of entries (ADR 0020: keep it ≤ 1000).
    /// </summary>
    public int VerificationLogFlushMilliseconds { get; set; } = 500;

    /// <summary>A batch is written as soon as it holds this many entries.</summary>
    public int VerificationLogBatch { get; set; } = 1000;

    /// <summary>Entries waiting for the writer at most; beyond it a verification waits for room (back-pressure).</summary>
    public int VerificationLogCapacity { get; set; } = 50_000;

    /// <summary>
    /// How long (milliseconds) a verification waits for room in a full log before it answers 503
    /// <c>certificate.busy</c> — never an answer without its log entry.
    /// </summary>
    public int VerificationLogWaitMilliseconds { get; set; } = 2000;

    /// <summary>Public keys (PEM) of earlier signing keys, still published so credentials they signed keep verifying.</summary>
    public IList<string> RetiredPublicKeys { get; } = [];
}
