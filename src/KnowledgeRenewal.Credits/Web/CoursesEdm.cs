using KnowledgeRenewal.Sdk;
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

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Courses", "课程")
            .Properties(
                ("Course.Title", "课程名称"), ("Course.Description", "课程简介"), ("SubjectId", "科目标识（目录:代码）"), ("Course.Hours", "课程学时"),
                ("DeveloperKind", "开发单位类型"), ("DeveloperOrganizationId", "开发单位标识"), ("DeveloperName", "开发单位名称"))
            .Enum<CourseDeveloperKind>(CourseRules.KindName)
            .Search("Courses", "Title", "DeveloperName");
    }
}
