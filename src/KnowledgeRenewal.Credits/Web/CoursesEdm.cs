using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Web;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>The course catalog feed: <c>Courses</c> (no materials' bytes; join classes on <c>Class.CourseId</c>).</summary>
internal sealed class CoursesEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 75;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var course = builder.EntitySet<Course>("Courses").EntityType;
        course.HasKey(c => c.Id);
        course.Ignore(c => c.Materials);
        course.Ignore(c => c.CreatedByUserId);
        course.Ignore(c => c.CreatedByName);
        course.Ignore(c => c.ConcurrencyStamp);
    }
}
