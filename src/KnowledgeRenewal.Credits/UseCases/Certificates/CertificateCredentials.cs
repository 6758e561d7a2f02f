using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// The signed, machine-verifiable form of a certificate: a W3C Verifiable Credential (data model 2.0) shaped as an
/// Open Badges 3.0 <c>OpenBadgeCredential</c> — issuer the program office, <c>validFrom</c> the issue time, the
/// subject the masked holder with the year's hours by category and the certificate number, the status the public
/// verification API — secured as a compact JWS (ES256, <c>typ: vc+jwt</c>, <c>kid</c> = the key's thumbprint). A
/// title-evaluation system verifies it offline with the published key set (<c>/api/public/credential-keys</c>) and,
/// when online, checks the status link for supersession or revocation.
/// </summary>
public sealed class CertificateCredentials(CredentialKeys keys, CertificateLinks links)
{
    /// <summary>The JOSE <c>typ</c> of the credentials.</summary>
    public const string MediaType = "vc+jwt";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Builds and signs the credential of <paramref name="certificate"/> (called once, at issue).</summary>
    public string Sign(CreditCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = MediaType, ["kid"] = keys.KeyId };
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString(Json)))
            + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(Payload(certificate).ToJsonString(Json)));
        return signingInput + "." + Base64Url.Encode(keys.Sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The payload of a compact JWS, as JSON (no verification: for display next to the JWS).</summary>
    public static JsonNode? ReadPayload(string jws)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var parts = jws.Split('.');
        return parts.Length == 3 ? JsonNode.Parse(Base64Url.Decode(parts[1])) : null;
    }

    private JsonObject Payload(CreditCertificate certificate)
    {
        var issuer = links.BaseUrl + "/";
        var issued = CertificateSnapshots.Instant(certificate.IssuedAt);
        var epoch = new DateTimeOffset(issued).ToUnixTimeSeconds();
        var year = certificate.Year.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = $"urn:uuid:{certificate.Id}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"{CertificateLabels.Title}（{year} 年度）",
            ["issuer"] = new JsonObject
            {
                ["id"] = issuer,
                ["type"] = new JsonArray("Profile"),
                ["name"] = CertificateLabels.Authority,
                ["description"] = "专业技术人员管理科 · 济宁市专业技术人员继续教育管理服务平台",
            },
            ["validFrom"] = issued.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["name"] = HolderMask.Name(certificate.HolderName),
                ["idNumberMasked"] = certificate.HolderIdMasked,
                ["achievement"] = new JsonObject
                {
                    ["id"] = $"{issuer}achievements/credit-hours/{year}",
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Certificate",
                    ["name"] = $"{year} 年度专业技术人员继续教育学时",
                    ["description"] = "济宁市专业技术人员继续教育管理服务平台依据学时台账中已认定的学时记录出具的年度学时证明。",
                    ["criteria"] = new JsonObject { ["narrative"] = "该年度已认定的公需科目与专业科目学时合计（不含待审核、已驳回、已撤销的记录）。" },
                },
                ["creditYear"] = certificate.Year,
                ["creditHours"] = new JsonObject
                {
                    ["public"] = certificate.PublicHours.Hours,
                    ["professional"] = certificate.ProfessionalHours.Hours,
                    ["total"] = certificate.TotalHours.Hours,
                    ["unit"] = "学时",
                },
                ["certificateNumber"] = certificate.Number,
                ["certificateVersion"] = certificate.Version,
            },
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = links.StatusApi(certificate.VerificationCode) + "?via=credential",
                ["type"] = "JiningCertificateVerificationStatus",
                ["statusPurpose"] = "revocation",
            },
            ["iss"] = issuer,
            ["jti"] = $"urn:uuid:{certificate.Id}",
            ["iat"] = epoch,
            ["nbf"] = epoch,
        };
    }
}
