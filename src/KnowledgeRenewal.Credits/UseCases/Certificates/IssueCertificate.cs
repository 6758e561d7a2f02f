using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// Issues the certificate of a professional's credit year from their approved records — or, when the records have not
/// changed since the valid certificate was issued, answers that one (idempotent). 404 when the caller may not see
/// the person; 409 <c>certificate.no_records</c> when the year has no approved records.
/// </summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="Year">The credit year.</param>
internal sealed record IssueCertificate(Guid ProfessionalId, int Year) : IRequest<IssuedCertificate>;

/// <summary>The certificate valid after the request.</summary>
/// <param name="Certificate">The certificate, with its entity tag.</param>
/// <param name="Created">Whether it was issued now (201) or already stood (200).</param>
internal sealed record IssuedCertificate(Versioned<CertificateView> Certificate, bool Created);

/// <summary>Checks the year.</summary>
internal sealed class IssueCertificateValidator : AbstractValidator<IssueCertificate>
{
    /// <summary>Creates the validator.</summary>
    public IssueCertificateValidator(TimeProvider clock)
    {
        RuleFor(r => r.Year).Must(year => year >= LedgerRules.EarliestDate.Year && year <= ProgramCalendar.Today(clock).Year)
            .WithErrorCode("out_of_range")
            .WithMessage(r => $"年度（year）应在 {LedgerRules.EarliestDate.Year} 至 {ProgramCalendar.Today(clock).Year} 之间。");
    }
}

/// <summary>Handles <see cref="IssueCertificate"/>.</summary>
internal sealed class IssueCertificateHandler(PlatformDbContext db, ICurrentAccess access, CertificateIssuer issuer, CertificateReader reader)
    : IRequestHandler<IssueCertificate, IssuedCertificate>
{
    private const int Attempts = 3;

    /// <inheritdoc />
    public async Task<IssuedCertificate> Handle(IssueCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CertificateIssuers.EnsureMayIssue(access);

        // Within scope: the person must be visible to the caller (a professional sees only their own record).
        if (!await db.Professionals.AnyAsync(p => p.Id == request.ProfessionalId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("专业技术人员", request.ProfessionalId);
        }

        var userName = await db.Users.Where(u => u.Id == access.UserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var personYear = new PersonYear(request.ProfessionalId, request.Year);
        for (var attempt = 1; ; attempt++)
        {
            var batch = await CertificateIssuer.LoadAsync(db, [personYear], cancellationToken).ConfigureAwait(false);
            var outcome = issuer.Issue(db, batch, personYear, userName ?? "unknown", requireRecords: true);
            if (!outcome.Created)
            {
                return new IssuedCertificate(await reader.VersionedAsync(outcome.Certificate, cancellationToken).ConfigureAwait(false), Created: false);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return new IssuedCertificate(await reader.VersionedAsync(outcome.Certificate, cancellationToken).ConfigureAwait(false), Created: true);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Someone issued for the same person-year or took the same serial meanwhile: read again and decide again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
