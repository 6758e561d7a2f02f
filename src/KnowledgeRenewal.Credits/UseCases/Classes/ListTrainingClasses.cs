using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using Mapster;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>
/// A page of training classes within the caller's scope (their provider, the county and sector they are for, the
/// program office, the credits feed), newest first.
/// </summary>
/// <param name="ProviderId">Only this provider's classes.</param>
/// <param name="Year">Only classes ending in this (credit) year.</param>
/// <param name="Status">Only classes in this status (Planned/计划中, Finished/已结业, Cancelled/已取消).</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
internal sealed record ListTrainingClasses(Guid? ProviderId, int? Year, string? Status, int Page = 1, int PageSize = 20) : IRequest<Paged<TrainingClassView>>;

/// <summary>Checks paging and filters.</summary>
internal sealed class ListTrainingClassesValidator : AbstractValidator<ListTrainingClasses>
{
    /// <summary>Creates the validator.</summary>
    public ListTrainingClassesValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Year).InclusiveBetween(LedgerRules.EarliestDate.Year, 2100).When(q => q.Year is not null)
            .WithErrorCode("out_of_range").WithMessage($"年度（year）应在 {LedgerRules.EarliestDate.Year} 至 2100 之间。");
        RuleFor(q => q.Status).Must(s => RosterClassRules.TryParse(RosterClassRules.Statuses, s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("班次状态（status）应为 计划中、已结业 或 已取消（Planned、Finished、Cancelled）。");
    }
}

/// <summary>Classes matching the filters, newest first.</summary>
internal sealed class TrainingClassesMatching : Specification<TrainingClass>
{
    /// <summary>Creates the specification.</summary>
    public TrainingClassesMatching(Guid? providerId, int? year, TrainingClassStatus? status)
    {
        var (from, to) = year is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : (DateOnly.MinValue, DateOnly.MaxValue);
        Query.Where(c => c.ProviderId == providerId, providerId is not null)
            .Where(c => c.EndDate >= from && c.EndDate <= to, year is not null)
            .Where(c => c.Status == status, status is not null)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListTrainingClasses"/>, within the caller's scope.</summary>
internal sealed class ListTrainingClassesHandler(PlatformDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListTrainingClasses, Paged<TrainingClassView>>
{
    /// <inheritdoc />
    public async Task<Paged<TrainingClassView>> Handle(ListTrainingClasses request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TrainingClassStatus? status = RosterClassRules.TryParse(RosterClassRules.Statuses, request.Status, out var parsed) ? parsed : null;
        var specification = new TrainingClassesMatching(request.ProviderId, request.Year, status);
        var page = await db.TrainingClasses.ToPagedAsync(specification, request.Page, request.PageSize, classes => classes, cancellationToken).ConfigureAwait(false);
        var items = await TrainingClassViews.OfAsync(db, mapping, page.Items, cancellationToken).ConfigureAwait(false);
        return new Paged<TrainingClassView>(page.Page, page.PageSize, page.Total, items);
    }
}
