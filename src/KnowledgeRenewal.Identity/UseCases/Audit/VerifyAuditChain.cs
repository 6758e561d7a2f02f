using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Persistence;
using MediatR;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>Handles <see cref="VerifyAuditChain"/> with the <see cref="AuditVerifier"/> (the API's <c>GET /api/audit/verify</c> and the audit pages).</summary>
internal sealed class VerifyAuditChainHandler(AuditVerifier verifier) : IRequestHandler<VerifyAuditChain, AuditVerification>
{
    /// <inheritdoc />
    public Task<AuditVerification> Handle(VerifyAuditChain request, CancellationToken cancellationToken) => verifier.VerifyAsync(cancellationToken);
}
