using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>A page of certificates within the caller's scope, filtered by person, year and status.</summary>
/// <param name="ProfessionalId">Only this person's.</param>
/// <param name="Year">Only this credit year.</param>
/// <param name="Status">Only this status (有效、已被新版本取代、已作废, or Valid, Superseded, Revoked).</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
/// <param name="Region">Only holders of this region (a county's code) at issue.</param>
internal sealed record ListCertificates(Guid? ProfessionalId, int? Year, string? Status, int Page = 1, int PageSize = 20, string? Region = null) : IRequest<Paged<CertificateSummary>>
{
    /// <summary>Parses a status filter (Chinese label or English name).</summary>
    public static bool TryParseStatus(string? text, out CertificateStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        foreach (var candidate in Enum.GetValues<CertificateStatus>())
        {
            if (value == CertificateLabels.Status(candidate) || string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }
}

/// <summary>Checks paging and filters.</summary>
internal sealed class ListCertificatesValidator : AbstractValidator<ListCertificates>
{
    /// <summary>Creates the validator.</summary>
    public ListCertificatesValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Year).InclusiveBetween(2000, 9999).When(q => q.Year is not null).WithErrorCode("out_of_range").WithMessage("年度（year）无效。");
        RuleFor(q => q.Status).Must(s => ListCertificates.TryParseStatus(s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("证明状态（status）无效，应为 有效、已被新版本取代 或 已作废。");
        RuleFor(q => q.Region).Must(r => JiningReferenceData.Regions.Any(known => known.Code == r!.Trim())).When(q => !string.IsNullOrWhiteSpace(q.Region))
            .WithErrorCode("region.invalid").WithMessage("所属区县（region）应为济宁市的区县代码，如 370811。");
    }
}

/// <summary>Certificates matching the filters: newest year first, then newest version.</summary>
internal sealed class CertificatesMatching : Specification<CreditCertificate>
{
    /// <summary>Creates the specification.</summary>
    public CertificatesMatching(Guid? professionalId, int? year, CertificateStatus? status, string? region = null)
    {
        Query.Where(c => c.ProfessionalId == professionalId, professionalId is not null)
            .Where(c => c.RegionCode == region, region is not null)
            .Where(c => c.Year == year, year is not null)
            .Where(c => c.Status == status, status is not null)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Version).ThenBy(c => c.Number)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListCertificates"/>: filters, counts and pages in the database.</summary>
internal sealed class ListCertificatesHandler(PlatformDbContext db) : IRequestHandler<ListCertificates, Paged<CertificateSummary>>
{
    /// <inheritdoc />
    public Task<Paged<CertificateSummary>> Handle(ListCertificates request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CertificateStatus? status = ListCertificates.TryParseStatus(request.Status, out var parsed) ? parsed : null;
        var specification = new CertificatesMatching(request.ProfessionalId, request.Year, status, string.IsNullOrWhiteSpace(request.Region) ? null : request.Region.Trim());
        return db.CreditCertificates.ToPagedAsync(specification, request.Page, request.PageSize, Summaries, cancellationToken);
    }

    // The hours are stored exactly (hundredths) and read as decimals; the labels are added as the rows are read.
    private static IQueryable<CertificateSummary> Summaries(IQueryable<CreditCertificate> certificates) =>
        certificates.Select(c => new CertificateSummary(
            c.Id, c.Number, c.ProfessionalId, c.HolderName, c.HolderIdMasked, c.Year, c.Version, c.Status, CertificateLabels.Status(c.Status),
            c.PublicHours.Hours, c.ProfessionalHours.Hours, c.TotalHours.Hours, c.IssuedAt, c.StatusChangedAt, c.SupersededById, c.VerificationCode));
}
