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
/// Whether the certificate of each of a professional's credit years can be issued now, and what issuing would do — the
/// issuer's own rule (<see cref="CertificateIssuer.Outlook"/>), asked before the button is offered; all the years read
/// in one batch. Same roles and scope as <see cref="IssueCertificate"/> (403 for other roles, 404 outside the caller's
/// scope); nothing is written.
/// </summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="Years">The credit years (at most five).</param>
internal sealed record GetCertificateOutlooks(Guid ProfessionalId, IReadOnlyList<int> Years) : IRequest<IReadOnlyList<YearOutlook>>;

/// <summary>What issuing a year's certificate would do.</summary>
/// <param name="Year">The credit year.</param>
/// <param name="Outlook">The issuer's answer.</param>
internal sealed record YearOutlook(int Year, IssueOutlook Outlook);

/// <summary>Checks the years as <see cref="IssueCertificateValidator"/> checks one.</summary>
internal sealed class GetCertificateOutlooksValidator : AbstractValidator<GetCertificateOutlooks>
{
    /// <summary>Creates the validator.</summary>
    public GetCertificateOutlooksValidator(TimeProvider clock)
    {
        RuleFor(r => r.Years).NotEmpty().WithErrorCode("required").WithMessage("请至少指定一个年度。")
            .Must(years => years.Count <= 5).WithErrorCode("too_many").WithMessage("一次最多查看 5 个年度。");
        RuleForEach(r => r.Years).Must(year => year >= LedgerRules.EarliestDate.Year && year <= ProgramCalendar.Today(clock).Year)
            .WithErrorCode("out_of_range")
            .WithMessage(r => $"年度（year）应在 {LedgerRules.EarliestDate.Year} 至 {ProgramCalendar.Today(clock).Year} 之间。");
    }
}

/// <summary>Handles <see cref="GetCertificateOutlooks"/>.</summary>
internal sealed class GetCertificateOutlooksHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<GetCertificateOutlooks, IReadOnlyList<YearOutlook>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<YearOutlook>> Handle(GetCertificateOutlooks request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CertificateIssuers.EnsureMayIssue(access);
        if (!await db.Professionals.AnyAsync(p => p.Id == request.ProfessionalId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("专业技术人员", request.ProfessionalId);
        }

        var personYears = request.Years.Distinct().Select(year => new PersonYear(request.ProfessionalId, year)).ToList();
        var batch = await CertificateIssuer.LoadAsync(db, personYears, cancellationToken).ConfigureAwait(false);
        return [.. personYears.Select(personYear => new YearOutlook(personYear.Year, CertificateIssuer.Outlook(batch, personYear)))];
    }
}
