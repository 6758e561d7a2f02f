using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Courses;

/// <summary>Adds a material (PDF, JPEG or PNG, at most 10 MB, at most 20 per course) to a course.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="FileName">The file's name as sent (cleaned, not refused).</param>
/// <param name="Content">The bytes.</param>
internal sealed record AddCourseMaterial(Guid CourseId, [property: DataType(DataType.Upload)] string? FileName, byte[] Content) : IRequest<CourseMaterialView>
{
    /// <inheritdoc />
    public override string ToString() => $"{nameof(AddCourseMaterial)}({CourseId}, {Content.Length} bytes)";
}

/// <summary>
/// Handles <see cref="AddCourseMaterial"/>: the program office for any course, a base's or provider's staff for their
/// own organization's courses (403 otherwise); the file is checked by its bytes (<see cref="CourseRules.CheckMaterial"/>).
/// </summary>
internal sealed class AddCourseMaterialHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<AddCourseMaterial, CourseMaterialView>
{
    /// <inheritdoc />
    public async Task<CourseMaterialView> Handle(AddCourseMaterial request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == request.CourseId, cancellationToken).ConfigureAwait(false)
            ?? throw CourseViews.NotFound(request.CourseId);
        var office = ClassWriters.IsProgramOffice(access);
        if (!office && !(access.Roles.Contains(PlatformRoles.ProviderStaff) && course.DeveloperOrganizationId is { } developer && developer == access.OrganizationId))
        {
            throw new PlatformException(CourseProblemCodes.WriteForbidden, 403, "无权上传课程资料", "只有市项目办和开发该课程的单位可以上传课程资料。");
        }

        if (CourseRules.CheckMaterial(request.Content) is { } problem)
        {
            throw new PlatformException(CourseProblemCodes.InvalidMaterial, 400, "课程资料不符合要求", problem.Message, [problem]);
        }

        if (await db.CourseMaterials.CountAsync(m => m.CourseId == course.Id, cancellationToken).ConfigureAwait(false) >= CourseRules.MaxMaterials)
        {
            var message = $"每门课程最多 {CourseRules.MaxMaterials} 个资料文件。";
            throw new PlatformException(CourseProblemCodes.TooManyMaterials, 409, "课程资料已满", message);
        }

        var type = EvidenceContent.Detect(request.Content)!;
        var material = new CourseMaterial
        {
            CourseId = course.Id,
            FileName = EvidenceContent.SafeFileName(request.FileName, type),
            ContentType = type,
            Size = request.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content)),
            Content = request.Content,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedByName = actors.Current.UserName,
        };
        db.CourseMaterials.Add(material);
        course.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CourseMaterialView(material.Id, material.FileName, material.ContentType, material.Size, material.UploadedAt, material.UploadedByName);
    }
}
