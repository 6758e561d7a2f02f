using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// The addresses certificates point to: the verification page (QR code), the public status API and the key set.
/// Based on <see cref="CertificateOptions.PublicBaseUrl"/>; else the current request's address when host filtering
/// (<c>AllowedHosts</c>) vouches for its Host header; else the platform's default address. A Host header nobody
/// vetted never becomes a link.
/// </summary>
public sealed class CertificateLinks(IOptions<CertificateOptions> options, IHttpContextAccessor http, PlatformOptions platform, IOptions<HostFilteringOptions> hosts)
{
    /// <summary>The platform's public base address, without a trailing slash.</summary>
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return options.Value.PublicBaseUrl.TrimEnd('/');
            }

            if (http.HttpContext?.Request is { Host.HasValue: true } request && HostsAreFiltered)
            {
                return $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
            }

            return platform.DefaultUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault()?.TrimEnd('/') ?? "http://localhost";
        }
    }

    // Whether only configured host names reach the platform (AllowedHosts without a wildcard).
    private bool HostsAreFiltered => hosts.Value.AllowedHosts is { Count: > 0 } allowed && !allowed.Contains("*");

    /// <summary>The public verification page of a code (what the QR code holds).</summary>
    public string VerifyPage(string code) => $"{BaseUrl}/verify/{code}";

    /// <summary>The public status API of a code (the credential's status).</summary>
    public string StatusApi(string code) => $"{BaseUrl}/api/public/certificates/{code}";

    /// <summary>The published key set.</summary>
    public string KeySet => $"{BaseUrl}/api/public/credential-keys";

    /// <summary>The link a QR code holds: the verification page, marked as scanned.</summary>
    public string QrTarget(CreditCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return VerifyPage(certificate.VerificationCode) + "?via=qr";
    }
}
