using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
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
                (DateTimeOffset? from, DateTimeOffset? to, string? action, Guid? userId, AuditOutcome? outcome, string? entityType, string? userName, string? entityKey, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    mediator.Send(new ListAuditRecords(from?.UtcDateTime, to?.UtcDateTime, action, userId, outcome, entityType, page ?? 1, pageSize ?? 50, userName, entityKey), ct))
            .WithName("ListAuditRecords")
            .WithSummary("Audit records, newest first, filtered by time window (from inclusive, to exclusive), action, account (userId or userName), outcome, entity type and entity key; pageSize ≤ 200.");

        audit.MapGet(
                "/records/export",
                async (DateTimeOffset? from, DateTimeOffset? to, string? action, Guid? userId, AuditOutcome? outcome, string? entityType, string? userName, string? entityKey, IMediator mediator, CancellationToken ct) =>
                {
                    var file = await mediator.Send(new ExportAuditRecords(new ListAuditRecords(from?.UtcDateTime, to?.UtcDateTime, action, userId, outcome, entityType, 1, 1, userName, entityKey)), ct).ConfigureAwait(false);
                    return Results.File(file.Content, ExportAuditRecordsHandler.XlsxContentType, file.FileName);
                })
            .WithName("ExportAuditRecords")
            .WithSummary("The records matching the same filters as /records as an xlsx workbook (newest first, at most 50,000 rows); recorded as data.export.");

        audit.MapGet("/records/{sequence:long}", (long sequence, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAuditRecord(sequence), ct))
            .WithName("GetAuditRecord")
            .WithSummary("One audit record by sequence, with its chain fields (404 when there is none, e.g. purged).");

        audit.MapGet("/verify", (IMediator mediator, CancellationToken ct) => mediator.Send(new VerifyAuditChain(), ct))
            .WithName("VerifyAuditChain")
            .WithSummary("Verifies the hash chain of the whole log: {isIntact, recordsChecked, brokenAtSequence, reason}. Recorded as audit.verified.");

        audit.MapPost("/purge", (IMediator mediator, CancellationToken ct) => mediator.Send(new PurgeAuditRecords(), ct))
            .WithName("PurgeAuditRecords")
            .WithSummary("Removes records past the retention period (Audit:RetentionDays, never under 180 days) now; recorded as audit.purged.");

        return endpoints;
    }
}
