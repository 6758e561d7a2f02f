using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>An evidence file's bytes (program office).</summary>
/// <param name="Id">The file.</param>
internal sealed record GetEvidence(Guid Id) : IRequest<EvidenceFile>;

/// <summary>An evidence file to download.</summary>
public sealed record EvidenceFile(string FileName, string ContentType, byte[] Content);

/// <summary>Handles <see cref="GetEvidence"/>.</summary>
internal sealed class GetEvidenceHandler(PlatformDbContext db) : IRequestHandler<GetEvidence, EvidenceFile>
{
    /// <inheritdoc />
    public async Task<EvidenceFile> Handle(GetEvidence request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await db.Set<InspectionEvidence>().AsNoTracking().Where(e => e.Id == request.Id).Select(e => new EvidenceFile(e.FileName, e.ContentType, e.Content))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw InspectionRules.NotFound("佐证材料", request.Id);
    }
}
