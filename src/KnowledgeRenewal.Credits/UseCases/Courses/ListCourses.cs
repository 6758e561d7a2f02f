using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Courses;

/// <summary>A page of the course catalog (shared: every business user reads it), by title.</summary>
/// <param name="Search">Text in the title or the developer's name.</param>
/// <param name="SubjectId">Only this subject's courses.</param>
/// <param name="DeveloperOrganizationId">Only this base's or provider's courses.</param>
/// <param name="Page">Page from 1.</param>
/// <param name="PageSize">Rows per page (1–100).</param>
internal sealed record ListCourses(string? Search, string? SubjectId, Guid? DeveloperOrganizationId, int Page = 1, int PageSize = 20) : IRequest<Paged<CourseView>>;

/// <summary>Checks paging.</summary>
internal sealed class ListCoursesValidator : AbstractValidator<ListCourses>
{
    /// <summary>Creates the validator.</summary>
    public ListCoursesValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Search).MaximumLength(64).WithMessage("查找内容最多 64 个字。");
    }
}

/// <summary>Courses matching the filters, by title.</summary>
internal sealed class CoursesMatching : Specification<Course>
{
    /// <summary>Creates the specification.</summary>
    public CoursesMatching(string? search, string? subjectId, Guid? developer)
    {
        var text = search?.Trim();
        Query.Where(c => c.Title.Contains(text!) || c.DeveloperName.Contains(text!), !string.IsNullOrEmpty(text))
            .Where(c => c.SubjectId == subjectId, !string.IsNullOrWhiteSpace(subjectId))
            .Where(c => c.DeveloperOrganizationId == developer, developer is not null)
            .OrderBy(c => c.Title).ThenBy(c => c.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListCourses"/>.</summary>
internal sealed class ListCoursesHandler(PlatformDbContext db) : IRequestHandler<ListCourses, Paged<CourseView>>
{
    /// <inheritdoc />
    public async Task<Paged<CourseView>> Handle(ListCourses request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = await db.Courses.ToPagedAsync(new CoursesMatching(request.Search, request.SubjectId, request.DeveloperOrganizationId), request.Page, request.PageSize, c => c, cancellationToken).ConfigureAwait(false);
        var items = await CourseViews.OfAsync(db, page.Items, withMaterials: false, cancellationToken).ConfigureAwait(false);
        return new Paged<CourseView>(page.Page, page.PageSize, page.Total, items);
    }
}
