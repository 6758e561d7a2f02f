using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Sdk;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary>A page of CME projects, optionally of one year and level, newest first.</summary>
public sealed record ListCmeProjects(int? Year, CmeLevel? Level, int Page = 1, int PageSize = 20) : IRequest<CmeProjectPage>;

/// <summary>A page of CME projects.</summary>
public sealed record CmeProjectPage(int Page, int PageSize, int Total, IReadOnlyList<CmeProjectDto> Items);

/// <summary>Checks paging.</summary>
public sealed class ListCmeProjectsValidator : AbstractValidator<ListCmeProjects>
{
    public ListCmeProjectsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100).WithErrorCode("out_of_range").WithMessage("每页条数（pageSize）应在 1 至 100 之间。");
    }
}

/// <summary>CME projects matching a year and level, newest first.</summary>
public sealed class CmeProjectsMatching : Specification<CmeProject>
{
    public CmeProjectsMatching(int? year, CmeLevel? level)
    {
        Query.Where(p => p.Year == year, year is not null)
            .Where(p => p.Level == level, level is not null)
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.ProjectNumber)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListCmeProjects"/>: filters, counts and projects in the database.</summary>
public sealed class ListCmeProjectsHandler(HealthDbContext db, TypeAdapterConfig mapping)
    : IRequestHandler<ListCmeProjects, CmeProjectPage>
{
    public async Task<CmeProjectPage> Handle(ListCmeProjects request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var specification = new CmeProjectsMatching(request.Year, request.Level);
        var total = await db.CmeProjects.WithCriteria(specification).CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await db.CmeProjects.WithSpecification(specification)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ProjectToType<CmeProjectDto>(mapping)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return new CmeProjectPage(request.Page, request.PageSize, total, items);
    }
}
