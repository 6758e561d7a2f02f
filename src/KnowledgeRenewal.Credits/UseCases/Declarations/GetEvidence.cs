using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>An evidence file to download.</summary>
/// <param name="FileName">Its (sanitized) name.</param>
/// <param name="ContentType">PDF, JPEG or PNG.</param>
/// <param name="Content">The bytes.</param>
internal sealed record EvidenceDownload(string FileName, string ContentType, byte[] Content);

/// <summary>
/// An evidence file of a declaration: for the person and the declaration's reviewers (404 when the declaration is
/// outside the caller's scope or the file is not its; 403 <c>declaration.evidence_forbidden</c> for others who see it).
/// </summary>
/// <param name="DeclarationId">The declaration.</param>
/// <param name="FileId">The file.</param>
internal sealed record GetEvidence(Guid DeclarationId, Guid FileId) : IRequest<EvidenceDownload>;

/// <summary>Handles <see cref="GetEvidence"/> (<see cref="DeclarationAccess.EnsureMayReadEvidence"/>).</summary>
internal sealed class GetEvidenceHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<GetEvidence, EvidenceDownload>
{
    /// <inheritdoc />
    public async Task<EvidenceDownload> Handle(GetEvidence request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declaration = await db.ActivityDeclarations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DeclarationId, cancellationToken).ConfigureAwait(false)
            ?? throw DeclarationViews.NotFound(request.DeclarationId);
        var owner = await DeclarationViews.DeclarantAccountAsync(db, declaration, cancellationToken).ConfigureAwait(false);
        var exists = await db.EvidenceFiles.AnyAsync(e => e.Id == request.FileId && e.DeclarationId == declaration.Id, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            throw new NotFoundException("证明材料", request.FileId);
        }

        DeclarationAccess.EnsureMayReadEvidence(access, declaration, owner);
        return await db.EvidenceFiles.AsNoTracking()
            .Where(e => e.Id == request.FileId)
            .Select(e => new EvidenceDownload(e.FileName, e.ContentType, e.Content))
            .FirstAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
