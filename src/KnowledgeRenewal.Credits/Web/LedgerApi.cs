using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// The ledger's REST endpoints under <c>/api/credit-records</c> and the transcript under
/// <c>/api/professionals/{id}/transcript</c>. Reads are cut by the data layer's scope; writes need an authority over
/// the person and, for changes of an existing record, <c>If-Match</c> with its ETag (428 without, 412 when stale).
/// </summary>
internal static class LedgerApi
{
    private const string Tag = "学时记录 (credit records)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder endpoints)
    {
        // Business roles; integrator clients read the OData feeds (/odata/CreditRecords).
        var records = endpoints.MapGroup("/api/credit-records")
            .WithTags(Tag)
            .RequireAuthorization(policy => policy.RequireRole(RegistryReadersAttribute.BusinessRoles));
        string[] authorities = [.. LedgerAccess.Authorities];

        records.MapGet("/", (Guid? professionalId, int? year, CreditRecordStatus? status, RecordSource? source, Guid? classId, Guid? providerId, bool? flagged, string? region, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListCreditRecords(professionalId, year, status, source, classId, providerId, flagged, page ?? 1, pageSize ?? 50, region?.Trim()), ct))
            .WithName("ListCreditRecords")
            .WithSummary("Credit records the caller may see, newest first; filters professionalId, year, status (Pending/Approved/Rejected/Revoked), source, classId, providerId, flagged (pending records a roster flagged for review), region (the person's county code as recorded); pageSize ≤ 200. People masked.")
            .Produces<Paged<CreditRecordView>>();

        records.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetCreditRecord(id), ct).ConfigureAwait(false)))
            .WithName("GetCreditRecord")
            .WithSummary("One credit record with its provenance, review trail and ETag.")
            .Produces<CreditRecordView>();

        records.MapPost("/", async (CreditInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new RecordCredit(body), ct).ConfigureAwait(false);
                return http.Created($"/api/credit-records/{created.Value.Id}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(authorities))
            .WithName("RecordCredit")
            .WithSummary("Records approved hours by hand: professionalId, date, category, activity?, subjectCode?, amount, unit? (Hour/Credit — converted by the person's rules), creditClass?, title, source? (ManualAdjustment or ExternalImport with externalReference), note?. Program office, or the county/department administrator over the person.")
            .Produces<CreditRecordView>(StatusCodes.Status201Created);

        records.MapPost("/{id:guid}/approve", async (Guid id, RecordReviewBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new ApproveCreditRecord(id, ifMatch, body?.Reason), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(authorities))
            .WithName("ApproveCreditRecord")
            .WithSummary("Approves a pending record (e.g. one a roster flagged) with an optional note. Needs If-Match; 409 ledger.invalid_transition when it is not pending or comes from a declaration (reviewed there).")
            .Produces<CreditRecordView>();

        records.MapPost("/{id:guid}/reject", async (Guid id, RecordReviewBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new RejectCreditRecord(id, ifMatch, body?.Reason), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(authorities))
            .WithName("RejectCreditRecord")
            .WithSummary("Rejects a pending record; reason required. Needs If-Match.")
            .Produces<CreditRecordView>();

        records.MapPost("/{id:guid}/revoke", async (Guid id, RecordReviewBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new RevokeCreditRecord(id, ifMatch, body?.Reason), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(authorities))
            .WithName("RevokeCreditRecord")
            .WithSummary("Revokes an approved record; reason required; the record stays visible as revoked. Needs If-Match.")
            .Produces<CreditRecordView>();

        records.MapPost("/{id:guid}/correct", async (Guid id, CorrectionInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var corrected = await mediator.Send(new CorrectCreditRecord(id, ifMatch, body), ct).ConfigureAwait(false);
                return http.Created($"/api/credit-records/{corrected.Value.Id}", corrected);
            })
            .RequireAuthorization(policy => policy.RequireRole(authorities))
            .WithName("CorrectCreditRecord")
            .WithSummary("Corrects an approved record: revokes it (reason required) and records the correction (the fields given replace the old ones: date, category, subjectCode, amount, unit, creditClass, title); answers the new record (201). Both stay visible, linked both ways. Needs If-Match.")
            .Produces<CreditRecordView>(StatusCodes.Status201Created);

        var transcripts = endpoints.MapGroup("/api/professionals/{id:guid}/transcript")
            .WithTags(Tag)
            .RequireAuthorization(policy => policy.RequireRole(RegistryReadersAttribute.BusinessRoles));
        transcripts.MapGet("/", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTranscript(id), ct))
            .WithName("GetTranscript")
            .WithSummary("The person's transcript: every credit year (newest first) with approved hours per category, pending hours and every record with its status and provenance. 404 outside the caller's scope.")
            .Produces<TranscriptView>();
        transcripts.MapGet("/export", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new ExportTranscript(id), ct).ConfigureAwait(false);
                return Results.File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
            })
            .WithName("ExportTranscript")
            .WithSummary("The transcript as xlsx (masked). Audited.");
        return endpoints;
    }
}

/// <summary>A reviewer's reason or note.</summary>
/// <param name="Reason">The reason (required to reject or revoke) or an approval note.</param>
internal sealed record RecordReviewBody([property: DataType(DataType.MultilineText)] string? Reason);
