using System.Globalization;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// The expert pool (<c>/api/experts</c>), double-random inspection plans (<c>/api/inspection-plans</c>), inspections
/// with findings and rectifications (<c>/api/inspections</c>, <c>/api/inspection-findings</c>) for the program office,
/// and the published results for anyone (<c>/api/public/inspection-results</c>, rate-limited). Changes need the
/// ETag in If-Match (428 without, 412 stale); every write is audited by the platform's audit interceptor.
/// </summary>
internal static class InspectionsApi
{
    private const string Tag = "双随机抽查 (inspections)";

    /// <summary>The public reads' rate-limit policy.</summary>
    public const string PublicPolicy = "inspection-results";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder endpoints)
    {
        var office = InspectionRules.Office;
        var experts = endpoints.MapGroup("/api/experts").WithTags(Tag).RequireAuthorization(p => p.RequireRole(office));
        experts.MapGet("/", (string? search, IMediator mediator, CancellationToken ct) => mediator.Send(new ListExperts(search), ct))
            .WithName("ListExperts")
            .WithSummary("The expert pool by name (program office): name, specialty, title, organization, region; phone and ID number masked. search= narrows by name, specialty or organization.")
            .Produces<IReadOnlyList<ExpertView>>();
        experts.MapPost("/", async ([FromBody] ExpertInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.Created($"/api/experts", await mediator.Send(new AddExpert(body), ct).ConfigureAwait(false)))
            .WithName("AddExpert")
            .WithSummary("Adds an expert (program office): name, specialty, title, organizationId (a platform organization) or organizationName, regionCode, phone (11 digits), idNumber?. 201; 400 field errors.")
            .Produces<ExpertView>(StatusCodes.Status201Created);
        experts.MapGet("/{id:guid}/contact", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new RevealExpertContact(id), ct))
            .WithName("RevealExpertContact")
            .WithSummary("An expert's phone and ID number unmasked (program office); every read is recorded in the audit log (data.personal_viewed). 404 unknown.")
            .Produces<ExpertContact>();

        var plans = endpoints.MapGroup("/api/inspection-plans").WithTags(Tag).RequireAuthorization(p => p.RequireRole(office));
        plans.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListInspectionPlans(), ct))
            .WithName("ListInspectionPlans")
            .WithSummary("Every double-random inspection plan, newest year first, with its objects drawn, results recorded and open rectifications.")
            .Produces<IReadOnlyList<InspectionPlanSummary>>();
        plans.MapPost("/", async ([FromBody] InspectionPlanInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateInspectionPlan(body), ct).ConfigureAwait(false);
                return http.Created($"/api/inspection-plans/{created.Value.Id:D}", created);
            })
            .WithName("CreateInspectionPlan")
            .WithSummary("Defines a plan: year, title, inspectorsPerObject (1–5), quotas [{kind: Project|Class|Base|Provider, count | sharePercent}], weights {signalKey: 0–10} (keys: overlap_flags, low_completion and the other areas' signals). 201 + ETag.")
            .Produces<InspectionPlanView>(StatusCodes.Status201Created);
        plans.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetInspectionPlan(id), ct).ConfigureAwait(false)))
            .WithName("GetInspectionPlan")
            .WithSummary("A plan with its quotas, weights, current draw (seed, fingerprint), drawn objects with inspectors and results, and every draw made. 404 unknown.")
            .Produces<InspectionPlanView>();
        plans.MapPost("/{id:guid}/draw", async (Guid id, [FromBody] DrawInput? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new DrawInspectionPlan(id, ifMatch, body?.Seed), ct).ConfigureAwait(false)))
            .WithName("DrawInspectionPlan")
            .WithSummary("Draws objects (risk-weighted) and inspectors (skipping conflicts of interest) with seed (0–2^53−1; none = a new random seed, recorded). The same seed over the same data gives the same draw (SplitMix64; see ADR 0013). Drawing again replaces the draw until a result is recorded (409 supervision.draw_closed). If-Match; 409 supervision.expert_pool_empty.")
            .Produces<InspectionPlanView>();
        plans.MapPost("/{id:guid}/publish", async (Guid id, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new PublishInspectionResults(id, ifMatch), ct).ConfigureAwait(false)))
            .WithName("PublishInspectionResults")
            .WithSummary("Publishes the plan's results (一公开) once every drawn object has its result (409 supervision.results_missing). If-Match.")
            .Produces<InspectionPlanView>();

        var inspections = endpoints.MapGroup("/api/inspections").WithTags(Tag).RequireAuthorization(p => p.RequireRole(office));
        inspections.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetInspection(id), ct).ConfigureAwait(false)))
            .WithName("GetInspection")
            .WithSummary("One drawn object with its inspectors, result and findings (rectification, deadline, evidence). 404 unknown.")
            .Produces<InspectionView>();
        inspections.MapPut("/{id:guid}/result", async (Guid id, [FromBody] InspectionResultInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new RecordInspectionResult(id, ifMatch, body), ct).ConfigureAwait(false)))
            .WithName("RecordInspectionResult")
            .WithSummary("Records the result: inspectedOn, conclusion (NoIssues|IssuesFound), summary (published later: no personal data). If-Match; 409 supervision.inspection_closed after publishing.")
            .Produces<InspectionView>();
        inspections.MapPost("/{id:guid}/findings", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var form = await EvidenceForm.ReadAsync(http.Request, ct).ConfigureAwait(false);
                var body = new FindingInput
                {
                    Text = form.Text("text"),
                    RequiresRectification = string.Equals(form.Text("requiresRectification"), "true", StringComparison.OrdinalIgnoreCase),
                    DueOn = DateOnly.TryParseExact(form.Text("dueOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
                };
                var finding = await mediator.Send(new RecordFinding(id, body, form.Files), ct).ConfigureAwait(false);
                return http.Created($"/api/inspections/{id:D}", finding);
            })
            .WithName("RecordInspectionFinding")
            .WithSummary("Records a finding (multipart/form-data): text, requiresRectification (true|false), dueOn (yyyy-MM-dd, after today, with rectification), evidence files (field evidence, PDF/JPG/PNG ≤ 10 MB, up to 10). 201; 400 supervision.invalid_evidence.")
            .Produces<FindingView>(StatusCodes.Status201Created);

        var findings = endpoints.MapGroup("/api/inspection-findings").WithTags(Tag).RequireAuthorization(p => p.RequireRole(office));
        findings.MapPost("/{id:guid}/close", async (Guid id, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var form = await EvidenceForm.ReadAsync(http.Request, ct).ConfigureAwait(false);
                return http.WithETag(await mediator.Send(new CloseRectification(id, ifMatch, form.Text("note"), form.Files), ct).ConfigureAwait(false));
            })
            .WithName("CloseRectification")
            .WithSummary("Closes an open rectification (multipart/form-data): note, evidence files (1–10). If-Match: the finding's eTag (in GET /api/inspections/{id}'s findings). 409 supervision.rectification_not_open.")
            .Produces<FindingView>();
        findings.MapGet("/evidence/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetEvidence(id), ct).ConfigureAwait(false);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("GetInspectionEvidence")
            .WithSummary("An evidence file (program office).");

        endpoints.MapGet("/api/public/inspection-results", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListPublicInspectionResults(), ct))
            .WithTags(Tag)
            .AllowAnonymous()
            .RequireRateLimiting(PublicPolicy)
            .WithName("ListPublicInspectionResults")
            .WithSummary("Published inspection results (一公开), no sign-in: each plan's seed and fingerprint, objects, organizations, conclusions, findings and rectification states; no personal data.")
            .Produces<IReadOnlyList<PublicInspectionResults>>();
        return endpoints;
    }

    /// <summary>The body of a draw.</summary>
    internal sealed class DrawInput
    {
        /// <summary>The seed, or null for a new one.</summary>
        public long? Seed { get; set; }
    }
}
