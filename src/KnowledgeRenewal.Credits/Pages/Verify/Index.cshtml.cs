using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Credits.Pages.Verify;

/// <summary>
/// <c>/verify</c> and <c>/verify/{code}</c>: public verification of a certificate — no sign-in, rate-limited per
/// client address. Shows the masked holder, year, hours by category, issue date and validity; an unknown or altered
/// code gets one plain "not found" message. Every lookup is logged.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(CertificateVerificationLimits.Policy)]
internal sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>The code as typed or scanned.</summary>
    public string? Code { get; private set; }

    /// <summary>What the code names (null: nothing asked, or not found).</summary>
    public PublicCertificateView? Result { get; private set; }

    /// <summary>Whether a code was asked for and not found.</summary>
    public bool Unknown { get; private set; }

    /// <summary>Verifies the code in the path (<c>/verify/{code}</c>, the QR code) or in the form (<c>?code=</c>).</summary>
    public async Task OnGetAsync(string? code, string? via, CancellationToken cancellationToken)
    {
        Code = string.IsNullOrWhiteSpace(code) ? Request.Query["code"].ToString() : code;
        if (string.IsNullOrWhiteSpace(Code))
        {
            return;
        }

        var channel = string.Equals(via, VerificationChannels.Qr, StringComparison.Ordinal) ? VerificationChannels.Qr : VerificationChannels.Page;
        try
        {
            Result = await mediator.Send(new VerifyCertificate(Code, channel, ClientAddress.Of(HttpContext)), cancellationToken).ConfigureAwait(false);
        }
        catch (CertificateException problem) when (problem.Code == CertificateProblemCodes.NotFound)
        {
            Unknown = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Response.Headers.CacheControl = "no-store";
    }

    /// <summary>Hours as shown (no trailing zeros).</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
