using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Courses;

/// <summary>One course of the catalog with its materials; 404 when there is none.</summary>
/// <param name="Id">The course.</param>
internal sealed record GetCourse(Guid Id) : IRequest<Versioned<CourseView>>;

/// <summary>Handles <see cref="GetCourse"/>.</summary>
internal sealed class GetCourseHandler(PlatformDbContext db) : IRequestHandler<GetCourse, Versioned<CourseView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CourseView>> Handle(GetCourse request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw CourseViews.NotFound(request.Id);
        var view = await CourseViews.OfAsync(db, [course], withMaterials: true, cancellationToken).ConfigureAwait(false);
        return new(view[0], course.ConcurrencyStamp);
    }
}
