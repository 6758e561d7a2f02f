using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// Whether the certificate of a professional's credit year can be issued now, and what issuing would do — the issuer's
/// own rule (<see cref="CertificateIssuer.Outlook"/>), asked before the button is offered. Same roles and scope as
/// <see cref="IssueCertificate"/> (403 for other roles, 404 outside the caller's scope); nothing is written.
/// </summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="Year">The credit year.</param>
internal sealed record GetCertificateOutlook(Guid ProfessionalId, int Year) : IRequest<IssueOutlook>;

/// <summary>Checks the year as <see cref="IssueCertificateValidator"/> does.</summary>
internal sealed class GetCertificateOutlookValidator : AbstractValidator<GetCertificateOutlook>
{
    /// <summary>Creates the validator.</summary>
    public GetCertificateOutlookValidator(TimeProvider clock)
    {
        RuleFor(r => r.Year).Must(year => year >= LedgerRules.EarliestDate.Year && year <= ProgramCalendar.Today(clock).Year)
            .WithErrorCode("out_of_range")
            .WithMessage(r => $"年度（year）应在 {LedgerRules.EarliestDate.Year} 至 {ProgramCalendar.Today(clock).Year} 之间。");
    }
}

/// <summary>Handles <see cref="GetCertificateOutlook"/>.</summary>
internal sealed class GetCertificateOutlookHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<GetCertificateOutlook, IssueOutlook>
{
    /// <inheritdoc />
    public async Task<IssueOutlook> Handle(GetCertificateOutlook request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CertificateIssuers.EnsureMayIssue(access);
        if (!await db.Professionals.AnyAsync(p => p.Id == request.ProfessionalId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("专业技术人员", request.ProfessionalId);
        }

        var personYear = new PersonYear(request.ProfessionalId, request.Year);
        var batch = await CertificateIssuer.LoadAsync(db, [personYear], cancellationToken).ConfigureAwait(false);
        return CertificateIssuer.Outlook(batch, personYear);
    }
}
