using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>The PDF of a certificate within the caller's scope.</summary>
/// <param name="Id">Id.</param>
internal sealed record RenderCertificatePdf(Guid Id) : IRequest<CertificateFile>;

/// <summary>A rendered file.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="FileName">The download name.</param>
internal sealed record CertificateFile(byte[] Content, string FileName);

/// <summary>Handles <see cref="RenderCertificatePdf"/>.</summary>
internal sealed class RenderCertificatePdfHandler(CertificateReader reader, CertificateLinks links) : IRequestHandler<RenderCertificatePdf, CertificateFile>
{
    /// <inheritdoc />
    public async Task<CertificateFile> Handle(RenderCertificatePdf request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await reader.FindAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        var view = await reader.ViewAsync(certificate, cancellationToken).ConfigureAwait(false);
        var pdf = CertificatePdf.Render(view, links.QrTarget(certificate));
        return new CertificateFile(pdf, $"{certificate.Number}.pdf");
    }
}
