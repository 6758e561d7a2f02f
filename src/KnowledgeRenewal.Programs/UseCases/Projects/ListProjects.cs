using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>A page of projects within the caller's scope, newest first.</summary>
/// <param name="Type">Only this type.</param>
/// <param name="Level">Only this level.</param>
/// <param name="Status">Only this state.</param>
/// <param name="Year">Only this credit year.</param>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="Field">Only this field.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
/// <param name="Sort">Order: <c>created</c> (default, newest first), <c>number</c>, <c>title</c>, <c>start</c> (first day) or <c>waiting</c> (time in the current state).</param>
/// <param name="Descending">Reverse the order of <paramref name="Sort"/>.</param>
internal sealed record ListProjects(ProjectType? Type, ProjectLevel? Level, ProjectStatus? Status, int? Year, string? RegionCode, string? DepartmentCode, ProjectField? Field, int Page = 1, int PageSize = 20, string? Sort = null, bool Descending = false)
    : IRequest<Paged<ProjectView>>;

/// <summary>Checks paging.</summary>
internal sealed class ListProjectsValidator : AbstractValidator<ListProjects>
{
    /// <summary>Creates the validator.</summary>
    public ListProjectsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Sort).Must(s => s is null || ProjectsMatching.SortKeys.Contains(s.ToLowerInvariant())).OverridePropertyName("sort")
            .WithErrorCode("invalid_value").WithMessage("排序方式（sort）应为 created、number、title、start 或 waiting。");
    }
}

/// <summary>Projects matching the filters, newest first.</summary>
internal sealed class ProjectsMatching : Specification<Project>
{
    /// <summary>The sort keys.</summary>
    public static readonly string[] SortKeys = ["created", "number", "title", "start", "waiting"];

    /// <summary>Creates the specification.</summary>
    public ProjectsMatching(ListProjects query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Query.Where(p => p.Type == query.Type, query.Type is not null)
            .Where(p => p.Level == query.Level, query.Level is not null)
            .Where(p => p.Status == query.Status, query.Status is not null)
            .Where(p => p.CreditYear == query.Year, query.Year is not null)
            .Where(p => p.RegionCode == query.RegionCode, query.RegionCode is not null)
            .Where(p => p.DepartmentCode == query.DepartmentCode, query.DepartmentCode is not null)
            .Where(p => p.Field == query.Field, query.Field is not null)
            .AsNoTracking();
        var descending = query.Descending;
        _ = query.Sort?.ToLowerInvariant() switch
        {
            "number" => descending ? Query.OrderByDescending(p => p.Number).ThenBy(p => p.Id) : Query.OrderBy(p => p.Number).ThenBy(p => p.Id),
            "title" => descending ? Query.OrderByDescending(p => p.Title).ThenBy(p => p.Id) : Query.OrderBy(p => p.Title).ThenBy(p => p.Id),
            "start" => descending ? Query.OrderByDescending(p => p.StartDate).ThenBy(p => p.Id) : Query.OrderBy(p => p.StartDate).ThenBy(p => p.Id),
            "waiting" => descending ? Query.OrderBy(p => p.StatusChangedAt).ThenBy(p => p.Id) : Query.OrderByDescending(p => p.StatusChangedAt).ThenBy(p => p.Id),
            _ => descending ? Query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id) : Query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
        };
    }
}

/// <summary>Handles <see cref="ListProjects"/>: counts and pages in the database, within the caller's scope.</summary>
internal sealed class ListProjectsHandler(PlatformDbContext db) : IRequestHandler<ListProjects, Paged<ProjectView>>
{
    /// <inheritdoc />
    public async Task<Paged<ProjectView>> Handle(ListProjects request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.Projects.ToPagedAsync(new ProjectsMatching(request), request.Page, request.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        return new Paged<ProjectView>(rows.Page, rows.PageSize, rows.Total, await ProjectViews.OfAsync(db, rows.Items, cancellationToken).ConfigureAwait(false));
    }
}
