using KnowledgeRenewal.Kernel.Application;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>One certificate within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">Id.</param>
internal sealed record GetCertificate(Guid Id) : IRequest<Versioned<CertificateView>>;

/// <summary>Handles <see cref="GetCertificate"/>.</summary>
internal sealed class GetCertificateHandler(CertificateReader reader) : IRequestHandler<GetCertificate, Versioned<CertificateView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CertificateView>> Handle(GetCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await reader.FindAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        return await reader.VersionedAsync(certificate, cancellationToken).ConfigureAwait(false);
    }
}
