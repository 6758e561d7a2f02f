using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Courses;

/// <summary>A course of the catalog, as listed and shown.</summary>
/// <param name="Id">Id.</param>
/// <param name="Title">课程名称.</param>
/// <param name="Description">课程简介.</param>
/// <param name="SubjectId">The subject's key (<c>public:GX-WLAQ</c>).</param>
/// <param name="SubjectName">The subject's name.</param>
/// <param name="Category">Public or professional.</param>
/// <param name="Hours">学时.</param>
/// <param name="Mode">Delivery mode.</param>
/// <param name="ModeName">Delivery mode in Chinese.</param>
/// <param name="DeveloperKind">Base, provider or association.</param>
/// <param name="DeveloperKindName">The kind in Chinese.</param>
/// <param name="DeveloperOrganizationId">The developer's organization, if on the platform.</param>
/// <param name="DeveloperName">The developer's name.</param>
/// <param name="CreatedAt">When added (UTC).</param>
/// <param name="CreatedByName">Who added it.</param>
/// <param name="Materials">Its materials (never their bytes).</param>
public sealed record CourseView(
    Guid Id, string Title, string? Description, string SubjectId, string SubjectName, CreditCategory Category, decimal Hours, DeliveryMode Mode, string ModeName,
    CourseDeveloperKind DeveloperKind, string DeveloperKindName, Guid? DeveloperOrganizationId, string DeveloperName, DateTime CreatedAt, string? CreatedByName,
    IReadOnlyList<CourseMaterialView> Materials);

/// <summary>A material of a course (download at <c>/api/courses/{id}/materials/{materialId}</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="FileName">File name.</param>
/// <param name="ContentType">Content type.</param>
/// <param name="Size">Bytes.</param>
/// <param name="UploadedAt">When (UTC).</param>
/// <param name="UploadedByName">Who uploaded it.</param>
public sealed record CourseMaterialView(Guid Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string? UploadedByName);

/// <summary>Reads courses into views (subject names from the catalog).</summary>
internal static class CourseViews
{
    /// <summary>404 problem of a course.</summary>
    public static PlatformException NotFound(Guid id) => new NotFoundException("课程", id);

    /// <summary>The views of <paramref name="courses"/>, with materials when <paramref name="withMaterials"/>.</summary>
    public static async Task<IReadOnlyList<CourseView>> OfAsync(PlatformDbContext db, IReadOnlyList<Course> courses, bool withMaterials, CancellationToken cancellationToken)
    {
        var subjectIds = courses.Select(c => c.SubjectId).Distinct().ToList();
        var subjects = await db.Subjects.IgnoreQueryFilters().AsNoTracking().Where(s => subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken).ConfigureAwait(false);
        var ids = courses.Select(c => c.Id).ToList();
        var materials = withMaterials
            ? (await db.CourseMaterials.AsNoTracking().Where(m => ids.Contains(m.CourseId)).OrderBy(m => m.UploadedAt)
                .Select(m => new { m.CourseId, View = new CourseMaterialView(m.Id, m.FileName, m.ContentType, m.Size, m.UploadedAt, m.UploadedByName) })
                .ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(m => m.CourseId, m => m.View)
            : null;
        return [.. courses.Select(c => new CourseView(c.Id, c.Title, c.Description, c.SubjectId, subjects.GetValueOrDefault(c.SubjectId) ?? c.SubjectId, c.Category, c.Hours, c.Mode,
            CourseRules.ModeName(c.Mode), c.DeveloperKind, CourseRules.KindName(c.DeveloperKind), c.DeveloperOrganizationId, c.DeveloperName, c.CreatedAt, c.CreatedByName,
            materials is null ? [] : [.. materials[c.Id]]))];
    }
}
