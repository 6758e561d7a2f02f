using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeRenewal.Kernel.Security;
using Microsoft.Extensions.Options;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// The key that signs credentials (ECDSA P-256, ES256): from configuration (<see cref="CertificateOptions.SigningKeyKey"/>)
/// or generated once under <c>data/keys</c>. Its key id is its JWK thumbprint (RFC 7638), so a verifier can tell
/// keys apart; the public key — and any retired ones — is published as a JWKS.
/// </summary>
public sealed class CredentialKeys : IDisposable
{
    private readonly ECDsa signing;
    private readonly List<(string Kid, ECParameters Key)> published = [];

    /// <summary>Loads (or creates) the signing key and the retired public keys.</summary>
    public CredentialKeys(LocalKeyStore store, IOptions<CertificateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        signing = store.GetOrCreateEcdsa(CertificateOptions.SigningKeyKey, "credential-signing.pem");
        var current = signing.ExportParameters(includePrivateParameters: false);
        KeyId = Thumbprint(current);
        published.Add((KeyId, current));
        foreach (var pem in options.Value.RetiredPublicKeys.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            using var retired = ECDsa.Create();
            retired.ImportFromPem(pem);
            var parameters = retired.ExportParameters(includePrivateParameters: false);
            var kid = Thumbprint(parameters);
            if (published.All(k => k.Kid != kid))
            {
                published.Add((kid, parameters));
            }
        }
    }

    /// <summary>The signing key's id.</summary>
    public string KeyId { get; }

    /// <summary>Signs <paramref name="data"/> with ES256 (r‖s, 64 bytes).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        signing.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Verifies an ES256 signature made by the current key.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signing.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>
    /// Verifies an ES256 signature by the published key <paramref name="kid"/> (the current or a retired one); null
    /// when no published key has that id.
    /// </summary>
    public bool? Verify(string kid, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        foreach (var (id, key) in published)
        {
            if (string.Equals(id, kid, StringComparison.Ordinal))
            {
                using var verifier = ECDsa.Create(key);
                return verifier.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
        }

        return null;
    }

    /// <summary>The published key set (RFC 7517): the current key first.</summary>
    public JsonObject KeySet()
    {
        var keys = new JsonArray();
        foreach (var (kid, key) in published)
        {
            keys.Add(new JsonObject
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["x"] = Base64Url.Encode(key.Q.X!),
                ["y"] = Base64Url.Encode(key.Q.Y!),
                ["kid"] = kid,
                ["use"] = "sig",
                ["alg"] = "ES256",
            });
        }

        return new JsonObject { ["keys"] = keys };
    }

    /// <inheritdoc />
    public void Dispose() => signing.Dispose();

    // RFC 7638: SHA-256 over the required members in lexicographic order, no white space.
    private static string Thumbprint(ECParameters key)
    {
        var json = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url.Encode(key.Q.X!)}\",\"y\":\"{Base64Url.Encode(key.Q.Y!)}\"}}";
        return Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}

/// <summary>Base64url without padding (RFC 7515 §2).</summary>
public static class Base64Url
{
    /// <summary>Encodes.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    /// <summary>Decodes; throws <see cref="FormatException"/> when the text is not base64url.</summary>
    public static byte[] Decode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
