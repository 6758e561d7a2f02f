using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// Revokes a certificate (program office only): it shows as 已作废 everywhere, also on public verification. Needs the
/// reason and <c>If-Match</c> with the entity tag read (428 without, 412 when it changed meanwhile).
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Reason">Why, in Chinese.</param>
internal sealed record RevokeCertificate(Guid Id, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Reason) : IRequest<Versioned<CertificateView>>;

/// <summary>Checks the reason.</summary>
internal sealed class RevokeCertificateValidator : AbstractValidator<RevokeCertificate>
{
    /// <summary>Creates the validator.</summary>
    public RevokeCertificateValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithErrorCode("required").WithMessage("请填写作废理由（reason）。");
        RuleFor(r => r.Reason).MaximumLength(CreditCertificate.ReasonLength).WithErrorCode("too_long").WithMessage($"作废理由（reason）最多 {CreditCertificate.ReasonLength} 个字。");
    }
}

/// <summary>Handles <see cref="RevokeCertificate"/>.</summary>
internal sealed class RevokeCertificateHandler(PlatformDbContext db, ICurrentAccess access, CertificateReader reader, TimeProvider clock)
    : IRequestHandler<RevokeCertificate, Versioned<CertificateView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CertificateView>> Handle(RevokeCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await reader.FindAsync(request.Id, tracked: true, cancellationToken).ConfigureAwait(false);
        Preconditions.Require(request.IfMatch, CertificateStamps.Of(certificate));
        var userName = await db.Users.Where(u => u.Id == access.UserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        certificate.Revoke(request.Reason ?? "", userName ?? "unknown", CertificateSnapshots.Instant(clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Superseded or revoked by someone else between the read and the write.
            throw Preconditions.Stale();
        }

        return await reader.VersionedAsync(certificate, cancellationToken).ConfigureAwait(false);
    }
}
