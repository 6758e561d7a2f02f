using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Persistence;
using MediatR;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>Verifies the hash chain of the whole audit log; the verification is itself recorded (<c>audit.verified</c>). Public: the host's <c>restore</c> command sends it too.</summary>
public sealed record VerifyAuditChain : IRequest<AuditVerification>;

/// <summary>Handles <see cref="VerifyAuditChain"/> with the <see cref="AuditVerifier"/> (the API's <c>GET /api/audit/verify</c> and the audit pages).</summary>
internal sealed class VerifyAuditChainHandler(AuditVerifier verifier) : IRequestHandler<VerifyAuditChain, AuditVerification>
{
    /// <inheritdoc />
    public Task<AuditVerification> Handle(VerifyAuditChain request, CancellationToken cancellationToken) => verifier.VerifyAsync(cancellationToken);
}
