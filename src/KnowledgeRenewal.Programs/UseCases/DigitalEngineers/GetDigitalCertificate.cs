using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>One certificate (404 outside the caller's scope).</summary>
/// <param name="Id">Id.</param>
internal sealed record GetDigitalCertificate(Guid Id) : IRequest<DigitalCertificateView>;

/// <summary>Handles <see cref="GetDigitalCertificate"/>.</summary>
internal sealed class GetDigitalCertificateHandler(PlatformDbContext db) : IRequestHandler<GetDigitalCertificate, DigitalCertificateView>
{
    /// <inheritdoc />
    public async Task<DigitalCertificateView> Handle(GetDigitalCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await db.DigitalCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("证书", request.Id);
        return (await DigitalEngineerViews.CertificatesAsync(db, [certificate], cancellationToken).ConfigureAwait(false))[0];
    }
}
