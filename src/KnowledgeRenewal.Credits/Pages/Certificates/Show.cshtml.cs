using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using KnowledgeRenewal.Kernel.Time;

namespace KnowledgeRenewal.Credits.Pages.Certificates;

/// <summary>
/// <c>/certificates/{id}</c>: the printable certificate (A4 print stylesheet) for signed-in callers who may see it;
/// anyone else gets the same "not found" page as for a certificate that does not exist.
/// </summary>
[Authorize(Policy = PlatformPolicies.BusinessUser)]
internal sealed class ShowModel(IMediator mediator) : PageModel
{
    /// <summary>The certificate shown (null: not found or not in scope).</summary>
    public CertificateView? Certificate { get; private set; }

    /// <summary>The QR code (SVG) to the public verification page.</summary>
    public string QrSvg { get; private set; } = "";

    /// <summary>Issue date, China time.</summary>
    public DateTime IssuedOn { get; private set; }

    /// <summary>Loads the certificate.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Certificate = (await mediator.Send(new GetCertificate(id), cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        QrSvg = QrCodes.Svg(Certificate.VerifyUrl + "?via=qr");
        IssuedOn = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(Certificate.IssuedAt, DateTimeKind.Utc), ProgramCalendar.TimeZone);
    }

    /// <summary>Hours as printed (no trailing zeros).</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The CSS class of a status.</summary>
    public static string StatusClass(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "status-valid",
        CertificateStatus.Superseded => "status-superseded",
        _ => "status-revoked",
    };
}
