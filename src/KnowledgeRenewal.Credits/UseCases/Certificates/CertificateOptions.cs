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

    /// <summary>Public keys (PEM) of earlier signing keys, still published so credentials they signed keep verifying.</summary>
    public IList<string> RetiredPublicKeys { get; } = [];
}
