using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// Self-declared activities under <c>/api/declarations</c>: a professional declares (multipart: fields and 1–5
/// evidence files), the employer's HR reviews, then the sector's department (or the program office); the person
/// may withdraw while undecided. State changes need the declaration's <c>ETag</c> in <c>If-Match</c> (428 without,
/// 412 when stale). Reads are cut by the data layer's scope filter (404 outside it).
/// </summary>
internal static class DeclarationsApi
{
    private const string Tag = "个人申报 (declarations)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDeclarationsApi(this IEndpointRouteBuilder endpoints)
    {
        var declarations = endpoints.MapGroup("/api/declarations").WithTags(Tag);

        declarations.MapPost("/", async (HttpContext http, IOptions<DeclarationOptions> options, IMediator mediator, CancellationToken ct) =>
            {
                var (fields, evidence) = await DeclarationUpload.ReadAsync(http.Request, options.Value, ct).ConfigureAwait(false);
                var created = await mediator.Send(new DeclareActivity(fields, evidence), ct).ConfigureAwait(false);
                return http.Created($"/api/declarations/{created.Value.Declaration.Id:D}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(DeclarationAccess.Declarers))
            .WithName("DeclareActivity")
            .WithSummary("A professional declares an activity for themself. multipart/form-data: activity (e.g. AcademicPaper or 学术论文), title, organizer, description?, startDate, endDate (yyyy-MM-dd, not in the future), category? (Public/Professional; the activity rule's wins), subjectCode?, then items (activities credited per item) or claimedAmount + claimedUnit (Hour/Credit, 学时/学分), and 1–5 files in field `evidence` (PDF/JPEG/PNG by content, ≤ 10 MB each, configurable). Hours follow the rules of the person's department module in force on endDate; 400 ledger.activity_not_counted when the rule set does not count the type. The answer says how the hours were computed and where the person stands against the type's yearly cap. 201 + ETag; 403 declaration.no_professional_record; 413 declaration.evidence_too_large; 415 declaration.multipart_required.")
            .Produces<DeclarationReceipt>(StatusCodes.Status201Created);

        declarations.MapGet("/", (string? status, int? year, string? activity, bool? awaitingMe, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListDeclarations(status, year, activity, awaitingMe ?? false, page ?? 1, pageSize ?? 20), ct))
            .RequireAuthorization(policy => policy.RequireRole(DeclarationAccess.Readers))
            .WithName("ListDeclarations")
            .WithSummary("Declarations within the caller's scope, newest first; filters status (AwaitingEmployer, AwaitingDepartment, Approved, Rejected, Withdrawn or the Chinese names), year (credit year), activity, awaitingMe=true (those at the step the caller reviews: employer HR the employer step of their employer, department admins the department step of their sector, the program office every department step; never the caller's own); pageSize ≤ 100.")
            .Produces<Paged<DeclarationSummary>>();

        declarations.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetDeclaration(id), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(DeclarationAccess.Readers))
            .WithName("GetDeclaration")
            .WithSummary("One declaration with its review trail (who, when, decision, comment per step), its credit record's status and its evidence files; with its ETag. 404 outside the caller's scope.")
            .Produces<DeclarationView>();

        declarations.MapPost("/{id:guid}/employer-review", (Guid id, [FromBody] ReviewBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                ReviewAsync(new ReviewDeclaration(id, ReviewSteps.Employer, ifMatch, body), mediator, http, ct))
            .RequireAuthorization(policy => policy.RequireRole(DeclarationAccess.EmployerReviewers))
            .WithName("EmployerReviewDeclaration")
            .WithSummary("The employer's review by the HR of the employer the person declared from: decision approve (→ 待主管部门审核) or reject (comment = reason required; the credit record is rejected with it). Needs If-Match. 403 declaration.not_reviewer / declaration.self_review; 409 declaration.wrong_step; 412 concurrency.stale when someone else acted first.")
            .Produces<DeclarationView>();

        declarations.MapPost("/{id:guid}/department-review", (Guid id, [FromBody] ReviewBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                ReviewAsync(new ReviewDeclaration(id, ReviewSteps.Department, ifMatch, body), mediator, http, ct))
            .RequireAuthorization(policy => policy.RequireRole(DeclarationAccess.DepartmentReviewers))
            .WithName("DepartmentReviewDeclaration")
            .WithSummary("The department's review by the administrators of the declaration's sector (or the program office), after the employer's: approve (the credit record is approved and counts) or reject (reason required). Needs If-Match; same problems as the employer's review.")
            .Produces<DeclarationView>();

        declarations.MapPost("/{id:guid}/withdraw", (Guid id, [FromBody] WithdrawBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                ReviewAsync(new WithdrawDeclaration(id, ifMatch, body), mediator, http, ct))
            .RequireAuthorization(policy => policy.RequireRole(DeclarationAccess.Declarers))
            .WithName("WithdrawDeclaration")
            .WithSummary("The person withdraws their declaration while it is undecided (optional body: reason); its credit record is rejected with the reason 本人撤回. Needs If-Match. 403 for anyone but the person, 409 declaration.wrong_step once decided.")
            .Produces<DeclarationView>();

        declarations.MapGet("/{id:guid}/evidence/{fileId:guid}", async (Guid id, Guid fileId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetEvidence(id, fileId), ct).ConfigureAwait(false);
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(policy => policy.RequireRole(DeclarationAccess.EvidenceReaders))
            .WithName("GetDeclarationEvidence")
            .WithSummary("Downloads an evidence file (attachment, its detected content type, X-Content-Type-Options: nosniff) — for the person and the declaration's reviewers (employer HR of its employer, the department of its sector, the program office); 404 outside the caller's scope, 403 declaration.evidence_forbidden for others.");

        return endpoints;
    }

    private static async Task<DeclarationView> ReviewAsync(IRequest<Versioned<DeclarationView>> request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.WithETag(await mediator.Send(request, ct).ConfigureAwait(false));
}
