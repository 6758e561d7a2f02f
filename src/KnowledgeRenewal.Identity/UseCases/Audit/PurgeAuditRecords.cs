using KnowledgeRenewal.Identity.Persistence;
using MediatR;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>Removes the records past the retention period now (never under 180 days); recorded as <c>audit.purged</c>.</summary>
internal sealed record PurgeAuditRecords : IRequest<AuditPurgeResult>;

/// <summary>Handles <see cref="PurgeAuditRecords"/> with the <see cref="AuditPurger"/> (the API's <c>POST /api/audit/purge</c> and the retention page).</summary>
internal sealed class PurgeAuditRecordsHandler(AuditPurger purger) : IRequestHandler<PurgeAuditRecords, AuditPurgeResult>
{
    /// <inheritdoc />
    public Task<AuditPurgeResult> Handle(PurgeAuditRecords request, CancellationToken cancellationToken) => purger.PurgeAsync(cancellationToken);
}
