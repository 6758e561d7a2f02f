using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Persistence;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>The audit log's REST endpoints under <c>/api/audit</c>, for audit administrators only.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("审计 (audit)").RequireAuthorization(PlatformPolicies.AuditReading);

        audit.MapGet(
                "/records",
                (DateTimeOffset? from, DateTimeOffset? to, string? action, Guid? userId, AuditOutcome? outcome, string? entityType, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    mediator.Send(new ListAuditRecords(from?.UtcDateTime, to?.UtcDateTime, action, userId, outcome, entityType, page ?? 1, pageSize ?? 50), ct))
            .WithName("ListAuditRecords")
            .WithSummary("Audit records, newest first, filtered by time window (from inclusive, to exclusive), action, account, outcome and entity type; pageSize ≤ 200.");

        audit.MapGet("/verify", (AuditVerifier verifier, CancellationToken ct) => verifier.VerifyAsync(ct))
            .WithName("VerifyAuditChain")
            .WithSummary("Verifies the hash chain of the whole log: {isIntact, recordsChecked, brokenAtSequence, reason}. Recorded as audit.verified.");

        audit.MapPost("/purge", (AuditPurger purger, CancellationToken ct) => purger.PurgeAsync(ct))
            .WithName("PurgeAuditRecords")
            .WithSummary("Removes records past the retention period (Audit:RetentionDays, never under 180 days) now; recorded as audit.purged.");

        return endpoints;
    }
}
