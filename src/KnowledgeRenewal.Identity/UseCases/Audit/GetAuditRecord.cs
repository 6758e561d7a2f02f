using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>One audit record by its sequence number, with its chain fields (404 when there is none, e.g. purged).</summary>
/// <param name="Sequence">The record's position in the chain.</param>
internal sealed record GetAuditRecord(long Sequence) : IRequest<AuditRecord>;

/// <summary>Handles <see cref="GetAuditRecord"/> (the audit log's access filter applies, as for the list).</summary>
internal sealed class GetAuditRecordHandler(PlatformDbContext db) : IRequestHandler<GetAuditRecord, AuditRecord>
{
    /// <inheritdoc />
    public async Task<AuditRecord> Handle(GetAuditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await db.AuditRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Sequence == request.Sequence, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("审计记录", request.Sequence);
    }
}
