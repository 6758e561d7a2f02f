using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Funding;

/// <summary>One fee standard with its version, within the caller's scope (404).</summary>
/// <param name="Id">The standard.</param>
internal sealed record GetFeeStandard(Guid Id) : IRequest<Versioned<FeeStandardView>>;

/// <summary>Handles <see cref="GetFeeStandard"/>.</summary>
internal sealed class GetFeeStandardHandler(FeeDesk desk, ICurrentAccess access) : IRequestHandler<GetFeeStandard, Versioned<FeeStandardView>>
{
    /// <inheritdoc />
    public async Task<Versioned<FeeStandardView>> Handle(GetFeeStandard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var standard = await desk.StandardAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        return new Versioned<FeeStandardView>(FeeDesk.View(standard, access), standard.ConcurrencyStamp);
    }
}

/// <summary>A year's fee standards within the caller's scope.</summary>
/// <param name="Year">The year.</param>
/// <param name="Items">Waiting first, then by base and kind.</param>
public sealed record FeeStandardList(int Year, IReadOnlyList<FeeStandardView> Items);

/// <summary>The fee standards of a year (this year by default) within the caller's scope, optionally of one state.</summary>
/// <param name="Year">The year.</param>
/// <param name="Status">Only this state.</param>
internal sealed record ListFeeStandards(int? Year, FeeStandardStatus? Status) : IRequest<FeeStandardList>;

/// <summary>Checks the year.</summary>
internal sealed class ListFeeStandardsValidator : AbstractValidator<ListFeeStandards>
{
    /// <summary>Creates the validator.</summary>
    public ListFeeStandardsValidator() =>
        RuleFor(l => l.Year).InclusiveBetween(2000, 2100).OverridePropertyName("year").WithErrorCode("out_of_range").WithMessage("年度应在 2000 至 2100 之间。");
}

/// <summary>Handles <see cref="ListFeeStandards"/> in one query.</summary>
internal sealed class ListFeeStandardsHandler(PlatformDbContext db, ICurrentAccess access, TimeProvider clock) : IRequestHandler<ListFeeStandards, FeeStandardList>
{
    /// <inheritdoc />
    public async Task<FeeStandardList> Handle(ListFeeStandards request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Year ?? ProgramCalendar.Today(clock).Year;
        var rows = await db.Set<FeeStandard>().AsNoTracking().Where(f => f.Year == year)
            .Where(f => request.Status == null || f.Status == request.Status)
            .OrderBy(f => f.BaseName).ThenBy(f => f.Kind).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new FeeStandardList(year, [.. rows.OrderBy(f => f.Status == FeeStandardStatus.Submitted ? 0 : 1).Select(f => FeeDesk.View(f, access))]);
    }
}

/// <summary>The approved fee standards (公示), for anyone without sign-in: of a year, or the latest years when none is named.</summary>
/// <param name="Year">The year.</param>
internal sealed record ListPublicFeeStandards(int? Year) : IRequest<IReadOnlyList<PublicFeeStandard>>;

/// <summary>Checks the year.</summary>
internal sealed class ListPublicFeeStandardsValidator : AbstractValidator<ListPublicFeeStandards>
{
    /// <summary>Creates the validator.</summary>
    public ListPublicFeeStandardsValidator() =>
        RuleFor(l => l.Year).InclusiveBetween(2000, 2100).OverridePropertyName("year").WithErrorCode("out_of_range").WithMessage("年度应在 2000 至 2100 之间。");
}

/// <summary>Handles <see cref="ListPublicFeeStandards"/>: reads without the caller's scope, only approved standards; no names of people.</summary>
internal sealed class ListPublicFeeStandardsHandler(PlatformDbContext db) : IRequestHandler<ListPublicFeeStandards, IReadOnlyList<PublicFeeStandard>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PublicFeeStandard>> Handle(ListPublicFeeStandards request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.Set<FeeStandard>().IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(f => f.Status == FeeStandardStatus.Approved && (request.Year == null || f.Year == request.Year))
            .OrderByDescending(f => f.Year).ThenBy(f => f.BaseName).ThenBy(f => f.Kind).Take(200)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(f => new PublicFeeStandard(f.BaseName, f.Year, f.Kind, FeeRules.KindName(f.Kind), f.FeeFen,
            f.TeachingFen, f.MaterialsFen, f.VenueFen, f.AccommodationFen, f.OrganizationFen, f.OtherFen, f.CostFen,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(f.DecidedAt ?? f.SubmittedAt, DateTimeKind.Utc), ProgramCalendar.TimeZone))))];
    }
}
