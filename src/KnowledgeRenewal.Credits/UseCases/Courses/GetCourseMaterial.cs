using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Courses;

/// <summary>A course's material to download; 404 when the course has no such material.</summary>
/// <param name="CourseId">The course.</param>
/// <param name="MaterialId">The material.</param>
internal sealed record GetCourseMaterial(Guid CourseId, Guid MaterialId) : IRequest<CourseMaterialFile>;

/// <summary>A material's file.</summary>
/// <param name="FileName">File name.</param>
/// <param name="ContentType">Content type.</param>
/// <param name="Content">Bytes.</param>
internal sealed record CourseMaterialFile(string FileName, string ContentType, byte[] Content)
{
    /// <inheritdoc />
    public override string ToString() => $"{nameof(CourseMaterialFile)}({Content.Length} bytes)";
}

/// <summary>Handles <see cref="GetCourseMaterial"/>.</summary>
internal sealed class GetCourseMaterialHandler(PlatformDbContext db) : IRequestHandler<GetCourseMaterial, CourseMaterialFile>
{
    /// <inheritdoc />
    public async Task<CourseMaterialFile> Handle(GetCourseMaterial request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await db.CourseMaterials.AsNoTracking().Where(m => m.Id == request.MaterialId && m.CourseId == request.CourseId)
            .Select(m => new CourseMaterialFile(m.FileName, m.ContentType, m.Content)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("课程资料", request.MaterialId);
    }
}
