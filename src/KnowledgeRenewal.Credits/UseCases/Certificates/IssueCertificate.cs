using FluentValidation;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>Who may issue certificates: the person themself, their employer's HR, the county and sector administrators and the program office — each within scope.</summary>
public static class CertificateIssuers
{
    /// <summary>Roles that may ask for a certificate.</summary>
    public static IReadOnlyList<string> Roles { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr, PlatformRoles.Professional];
}

/// <summary>
/// Issues the certificate of a professional's credit year from their approved records — or, when the records have not
/// changed since the valid certificate was issued, answers that one (idempotent). 404 when the caller may not see
/// the person; 409 <c>certificate.no_records</c> when the year has no approved records.
/// </summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="Year">The credit year.</param>
public sealed record IssueCertificate(Guid ProfessionalId, int Year) : IRequest<IssuedCertificate>;

/// <summary>The certificate valid after the request.</summary>
/// <param name="View">The certificate.</param>
/// <param name="Created">Whether it was issued now (201) or already stood (200).</param>
/// <param name="Stamp">Its entity tag's stamp.</param>
public sealed record IssuedCertificate(CertificateView View, bool Created, Guid Stamp);

/// <summary>Checks the year.</summary>
public sealed class IssueCertificateValidator : AbstractValidator<IssueCertificate>
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
public sealed class IssueCertificateHandler(PlatformDbContext db, ICurrentAccess access, CertificateIssuer issuer, CertificateReader reader)
    : IRequestHandler<IssueCertificate, IssuedCertificate>
{
    private const int Attempts = 3;

    /// <inheritdoc />
    public async Task<IssuedCertificate> Handle(IssueCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!access.Roles.Any(CertificateIssuers.Roles.Contains))
        {
            throw new CertificateException(CertificateProblemCodes.Forbidden, 403, "您的角色不能出具学时证明。");
        }

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
                return new IssuedCertificate(await reader.ViewAsync(outcome.Certificate, cancellationToken).ConfigureAwait(false), false, CertificateStamps.Of(outcome.Certificate));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return new IssuedCertificate(await reader.ViewAsync(outcome.Certificate, cancellationToken).ConfigureAwait(false), true, CertificateStamps.Of(outcome.Certificate));
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Someone issued for the same person-year or took the same serial meanwhile: read again and decide again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
