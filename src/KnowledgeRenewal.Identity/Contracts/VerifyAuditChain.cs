using KnowledgeRenewal.Identity.Domain;
using MediatR;

namespace KnowledgeRenewal.Identity.Contracts;

/// <summary>
/// Verifies the hash chain of the whole audit log; the verification is itself recorded (<c>audit.verified</c>). A
/// contract: the audit pages and API send it, and so does the host's <c>restore</c> command.
/// </summary>
public sealed record VerifyAuditChain : IRequest<AuditVerification>;
