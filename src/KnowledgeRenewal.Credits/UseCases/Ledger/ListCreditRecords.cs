using Ardalis.Specification;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>
/// Credit records within the caller's scope, newest first. Paging is forgiving, as it always was: a page below 1 is
/// the first, a size outside 1–<see cref="MaxPageSize"/> is brought within it.
/// </summary>
/// <param name="ProfessionalId">Only this person's.</param>
/// <param name="Year">Only this credit year.</param>
/// <param name="Status">Only this status.</param>
/// <param name="Source">Only from this source.</param>
/// <param name="ClassId">Only this class's.</param>
/// <param name="ProviderId">Only this provider's.</param>
/// <param name="Flagged">Only flagged (true) or unflagged (false) records.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Records per page.</param>
/// <param name="Region">Only records of people of this region (a county's code, as recorded with the record).</param>
internal sealed record ListCreditRecords(
    Guid? ProfessionalId,
    int? Year,
    CreditRecordStatus? Status,
    RecordSource? Source,
    Guid? ClassId,
    Guid? ProviderId,
    bool? Flagged,
    int Page,
    int PageSize,
    string? Region = null) : IRequest<Paged<CreditRecordView>>
{
    /// <summary>Most records per page.</summary>
    public const int MaxPageSize = 200;
}

/// <summary>Credit records matching the filters, newest first.</summary>
internal sealed class CreditRecordsMatching : Specification<CreditRecord>
{
    /// <summary>Creates the specification.</summary>
    public CreditRecordsMatching(ListCreditRecords filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        Query.Where(r => r.ProfessionalId == filters.ProfessionalId, filters.ProfessionalId is not null)
            .Where(r => r.CreditYear == filters.Year, filters.Year is not null)
            .Where(r => r.Status == filters.Status, filters.Status is not null)
            .Where(r => r.Source == filters.Source, filters.Source is not null)
            .Where(r => r.ClassId == filters.ClassId, filters.ClassId is not null)
            .Where(r => r.ProviderId == filters.ProviderId, filters.ProviderId is not null)
            .Where(r => r.Flag != null, filters.Flagged == true)
            .Where(r => r.Flag == null, filters.Flagged == false)
            .Where(r => r.RegionCode == filters.Region, !string.IsNullOrWhiteSpace(filters.Region))
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListCreditRecords"/> (the data layer's scope filter decides what the caller sees).</summary>
internal sealed class ListCreditRecordsHandler(PlatformDbContext db) : IRequestHandler<ListCreditRecords, Paged<CreditRecordView>>
{
    /// <inheritdoc />
    public async Task<Paged<CreditRecordView>> Handle(ListCreditRecords request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, ListCreditRecords.MaxPageSize);
        var found = await db.CreditRecords.ToPagedAsync(new CreditRecordsMatching(request), page, size, CreditRecordViews.Project, cancellationToken).ConfigureAwait(false);
        return found with { Items = await CreditRecordViews.WithProviderNamesAsync(db, found.Items, cancellationToken).ConfigureAwait(false) };
    }
}
