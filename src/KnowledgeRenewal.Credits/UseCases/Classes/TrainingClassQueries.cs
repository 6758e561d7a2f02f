using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
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
public sealed record ListTrainingClasses(Guid? ProviderId, int? Year, string? Status, int Page = 1, int PageSize = 20) : IRequest<Paged<TrainingClassView>>;

/// <summary>One class within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">The class.</param>
public sealed record GetTrainingClass(Guid Id) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Checks paging and filters.</summary>
public sealed class ListTrainingClassesValidator : AbstractValidator<ListTrainingClasses>
{
    /// <summary>Most rows per page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Creates the validator.</summary>
    public ListTrainingClassesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {MaxPageSize} 之间。");
        RuleFor(q => q.Year).InclusiveBetween(LedgerRules.EarliestDate.Year, 2100).When(q => q.Year is not null)
            .WithErrorCode("out_of_range").WithMessage($"年度（year）应在 {LedgerRules.EarliestDate.Year} 至 2100 之间。");
        RuleFor(q => q.Status).Must(s => RosterClassRules.TryParse(RosterClassRules.Statuses, s, out _)).When(q => !string.IsNullOrWhiteSpace(q.Status))
            .WithErrorCode("status.invalid").WithMessage("班次状态（status）应为 计划中、已结业 或 已取消（Planned、Finished、Cancelled）。");
    }
}

/// <summary>Classes matching the filters, newest first.</summary>
public sealed class TrainingClassesMatching : Specification<TrainingClass>
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

/// <summary>Handles the class queries, within the caller's scope.</summary>
public sealed class TrainingClassQueryHandlers(PlatformDbContext db, TypeAdapterConfig mapping)
    : IRequestHandler<ListTrainingClasses, Paged<TrainingClassView>>,
      IRequestHandler<GetTrainingClass, Versioned<TrainingClassView>>
{
    /// <inheritdoc />
    public async Task<Paged<TrainingClassView>> Handle(ListTrainingClasses request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TrainingClassStatus? status = RosterClassRules.TryParse(RosterClassRules.Statuses, request.Status, out var parsed) ? parsed : null;
        var specification = new TrainingClassesMatching(request.ProviderId, request.Year, status);
        var total = await db.TrainingClasses.WithCriteria(specification).CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await db.TrainingClasses.WithSpecification(specification)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = await TrainingClassViews.OfAsync(db, mapping, page, cancellationToken).ConfigureAwait(false);
        return new Paged<TrainingClassView>(request.Page, request.PageSize, total, items);
    }

    /// <inheritdoc />
    public Task<Versioned<TrainingClassView>> Handle(GetTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TrainingClassViews.GetAsync(db, mapping, request.Id, cancellationToken);
    }
}
