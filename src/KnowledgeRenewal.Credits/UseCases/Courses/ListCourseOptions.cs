using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Courses;

/// <summary>The catalog's courses a class may name (the class form's course list): every course, by category and title.</summary>
internal sealed record ListCourseOptions : IRequest<IReadOnlyList<CourseOption>>;

/// <summary>A course a class may name.</summary>
/// <param name="Id">The course.</param>
/// <param name="Title">课程名称.</param>
/// <param name="Category">Public or professional.</param>
/// <param name="Hours">学时.</param>
/// <param name="DeveloperName">Who developed it.</param>
internal sealed record CourseOption(Guid Id, string Title, CreditCategory Category, decimal Hours, string DeveloperName);

/// <summary>Handles <see cref="ListCourseOptions"/> (one query; the catalog is shared, every business user reads it).</summary>
internal sealed class ListCourseOptionsHandler(PlatformDbContext db) : IRequestHandler<ListCourseOptions, IReadOnlyList<CourseOption>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CourseOption>> Handle(ListCourseOptions request, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking().OrderBy(c => c.Category).ThenBy(c => c.Title).ThenBy(c => c.Id)
            .Select(c => new CourseOption(c.Id, c.Title, c.Category, c.Hours, c.DeveloperName))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
