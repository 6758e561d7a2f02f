using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Supervision.Domain.Filings;
using KnowledgeRenewal.Supervision.UseCases.Filings;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// The December filing under <c>/api/filings</c>: bases' staff submit their year's plan execution and next year's
/// plan; the program office accepts or returns it; readers see a year's filings of their scope with missing and late
/// ones flagged.
/// </summary>
internal static class FilingsApi
{
    private const string Tag = "基地年度报送 (base filings)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapFilingsApi(this IEndpointRouteBuilder endpoints)
    {
        string[] readers = [.. FilingRules.Readers];
        string[] filers = [.. FilingRules.Filers];
        string[] deciders = [.. FilingRules.Deciders];
        var filings = endpoints.MapGroup("/api/filings")
            .WithTags(Tag)
            .RequireAuthorization(policy => policy.RequireRole(readers));

        filings.MapGet("/", (int? year, IMediator mediator, CancellationToken ct) => mediator.Send(new ListFilings(year), ct))
            .WithName("ListFilings")
            .WithSummary("A year's filings (default: this year) as a task list: every active base of the caller's scope with its state (NotStarted, Missing after the due date, Submitted, Returned, Accepted), late and flagged marks, and the due date (Supervision:Filing:DueMonth/DueDay, December 10 by default).")
            .Produces<FilingList>();

        filings.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetFiling(id), ct).ConfigureAwait(false)))
            .WithName("GetFiling")
            .WithSummary("One filing with its history (submitted, returned with a reason, resubmitted, accepted) and its ETag. 404 supervision.filing_not_found.")
            .Produces<FilingView>();

        filings.MapPost("/{year:int}", async (int year, FilingInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var (filing, created) = await mediator.Send(new SubmitFiling(year, ifMatch, body), ct).ConfigureAwait(false);
                return created ? http.Created($"/api/filings/{filing.Value.Id}", filing) : Results.Ok(http.WithETag(filing));
            })
            .RequireAuthorization(policy => policy.RequireRole(filers))
            .WithName("SubmitFiling")
            .WithSummary("A base's staff file their base's filing of a year: execution, classesHeld, peopleTrained, plannedClasses, plannedSubjects, targetTrainees, budgetFen. 201 the first time (late when after the due date); after a return, the corrected filing with If-Match (200). 403 supervision.filing_not_a_base; 409 supervision.filing_already_submitted.")
            .Produces<FilingView>()
            .Produces<FilingView>(StatusCodes.Status201Created);

        filings.MapPut("/{id:guid}/attachment", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var form = await EvidenceForm.ReadAsync(http.Request, ct, "attachment").ConfigureAwait(false);
                return Results.Ok(http.WithETag(await mediator.Send(new AttachFilingFile(id, form.Files.Count > 0 ? form.Files[0] : null), ct).ConfigureAwait(false)));
            })
            .RequireAuthorization(policy => policy.RequireRole(filers))
            .WithName("AttachFilingFile")
            .WithSummary("A base's staff attach a file to their base's filing (multipart/form-data, field attachment: PDF/JPG/PNG ≤ 10 MB), replacing the one before; while waiting or returned. 400 supervision.invalid_evidence; 409 supervision.filing_closed once accepted.")
            .Produces<FilingView>();

        filings.MapGet("/{id:guid}/attachment", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetFilingAttachment(id), ct).ConfigureAwait(false);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("GetFilingAttachment")
            .WithSummary("A filing's attachment (whoever sees the filing: the program office, the base, its county). 404 supervision.filing_attachment_not_found.");

        filings.MapPost("/{id:guid}/decision", async (Guid id, FilingDecisionBody body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Results.Ok(http.WithETag(await mediator.Send(new DecideFiling(id, ifMatch, body), ct).ConfigureAwait(false))))
            .RequireAuthorization(policy => policy.RequireRole(deciders))
            .WithName("DecideFiling")
            .WithSummary("The program office accepts a submitted filing ({decision: Accept}) or returns it ({decision: Return, reason}); If-Match required (428/412). 409 supervision.filing_not_submitted.")
            .Produces<FilingView>();

        return endpoints;
    }
}
