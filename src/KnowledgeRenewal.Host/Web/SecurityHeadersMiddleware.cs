using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Identity;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Kernel.Access;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Host.Web;

/// <summary>
/// The security headers of every response the platform sends — pages, REST, OData, static files, the API
/// documentation, 404s and errors alike: a strict Content-Security-Policy (no inline script or style; the API
/// documentation's viewer alone may use inline styles), <c>X-Content-Type-Options: nosniff</c>, a Referrer-Policy
/// (none at all from addresses that carry a verification code), <c>X-Frame-Options: DENY</c>, a minimal
/// Permissions-Policy and, where HTTPS is required, HSTS. Every 429 also says when to try again (<c>Retry-After</c>).
/// The headers are written as the response starts, so handlers, the exception handler and the status-code pages
/// cannot leave them out.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    /// <summary>The policy of every response: nothing inline, nothing from other hosts, never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of the API documentation (<c>/api-docs</c>): its viewer (Swagger UI) sets inline styles, so styles
    /// may be inline there; scripts still come only from the platform.
    /// </summary>
    public const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Browser features no page of the platform uses.</summary>
    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>HSTS (sent over HTTPS when <see cref="SecurityOptions.RequireHttps"/> is set): one year.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>What a 429 says when nothing more precise is known: every limit of the platform is per minute.</summary>
    public const string DefaultRetryAfterSeconds = "60";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context, options.Value.RequireHttps);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context, bool requireHttps)
    {
        var request = context.Request;
        var path = RequestKinds.RequestedPath(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/api-docs") ? ApiDocsContentSecurityPolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = CarriesCode(path) ? "no-referrer" : "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (requireHttps && request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests && string.IsNullOrEmpty(headers.RetryAfter))
        {
            headers.RetryAfter = DefaultRetryAfterSeconds;
        }
    }

    // Addresses with a certificate's verification code in them: the code must not travel on to other sites.
    private static bool CarriesCode(PathString path) =>
        path.StartsWithSegments("/verify") || path.StartsWithSegments("/api/public/certificates");
}
