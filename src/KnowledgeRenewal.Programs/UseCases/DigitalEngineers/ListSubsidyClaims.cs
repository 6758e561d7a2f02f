using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>Subsidy claims within the caller's scope, newest first.</summary>
/// <param name="Status">Submitted/Approved/Rejected/Paid.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Items per page (≤ 100).</param>
/// <param name="InstitutionId">Only claims on certificates issued by this catalog entry (the training institution).</param>
/// <param name="Year">Only claims filed in this year (China time).</param>
internal sealed record ListSubsidyClaims(string? Status, int Page, int PageSize, Guid? InstitutionId = null, int? Year = null) : IRequest<Paged<SubsidyClaimView>>;

/// <summary>Checks the status and the page.</summary>
internal sealed class ListSubsidyClaimsValidator : AbstractValidator<ListSubsidyClaims>
{
    /// <summary>Creates the validator.</summary>
    public ListSubsidyClaimsValidator()
    {
        RuleFor(l => l.Status).Must(s => string.IsNullOrWhiteSpace(s) || DigitalInputRules.TryParseName<SubsidyClaimStatus>(s, out _)).OverridePropertyName("status")
            .WithErrorCode("invalid_value").WithMessage("申领状态（status）无效，应为 Submitted、Approved、Rejected 或 Paid。");
        RuleFor(l => l.Year).InclusiveBetween(ProgramPeriod.FirstYear, ProgramPeriod.LastYear).When(l => l.Year is not null).OverridePropertyName("year")
            .WithErrorCode("out_of_range").WithMessage($"申领年度（year）应在 {ProgramPeriod.FirstYear} 至 {ProgramPeriod.LastYear} 之间。");
        RuleFor(l => l.Page).ValidPage().OverridePropertyName("page");
        RuleFor(l => l.PageSize).ValidPageSize().OverridePropertyName("pageSize");
    }
}

/// <summary>Claims in a status (or all), of an institution's certificates, filed in a year, by instant filed (newest first).</summary>
internal sealed class SubsidyClaimsMatching : Specification<SubsidyClaim>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="status">The status, if any.</param>
    /// <param name="institutionId">The issuing institution, if any.</param>
    /// <param name="year">The year filed (China time), if any.</param>
    /// <param name="certificates">The certificates (to find an institution's).</param>
    public SubsidyClaimsMatching(string? status, Guid? institutionId = null, int? year = null, IQueryable<DigitalCertificate>? certificates = null)
    {
        SubsidyClaimStatus? wanted = DigitalInputRules.TryParseName<SubsidyClaimStatus>(status, out var parsed) ? parsed : null;
        var from = year is { } y ? NewYearUtc(y) : default;
        var to = year is { } z ? NewYearUtc(z + 1) : default;
        Query.Where(c => c.Status == wanted, wanted is not null)
            .Where(c => certificates!.Any(d => d.Id == c.CertificateId && d.IssuerInstitutionId == institutionId), institutionId is not null && certificates is not null)
            .Where(c => c.SubmittedAt >= from && c.SubmittedAt < to, year is not null)
            .OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id)
            .AsNoTracking();
    }

    // The first instant of a year in China time, in UTC.
    private static DateTime NewYearUtc(int year) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), ProgramCalendar.TimeZone);
}

/// <summary>Handles <see cref="ListSubsidyClaims"/>: counts and pages in the database, within the caller's scope.</summary>
internal sealed class ListSubsidyClaimsHandler(PlatformDbContext db) : IRequestHandler<ListSubsidyClaims, Paged<SubsidyClaimView>>
{
    /// <inheritdoc />
    public async Task<Paged<SubsidyClaimView>> Handle(ListSubsidyClaims request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.SubsidyClaims.ToPagedAsync(new SubsidyClaimsMatching(request.Status, request.InstitutionId, request.Year, db.DigitalCertificates), request.Page, request.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        return DigitalEngineerViews.Page(rows, await DigitalEngineerViews.ClaimsAsync(db, rows.Items, cancellationToken).ConfigureAwait(false));
    }
}
