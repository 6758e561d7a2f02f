using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using KnowledgeRenewal.Supervision.UseCases.Evaluations;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// Base supervision under <c>/api/supervision</c>: bases with their designations and status history, scorecards and
/// the records behind each indicator, the assessment method's versions, assessments, and class evaluations.
/// </summary>
internal static class BasesApi
{
    private const string Tag = "基地监管 (base supervision)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapBasesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/supervision").WithTags(Tag);
        var readers = api.MapGroup("").RequireAuthorization(policy => policy.RequireRole(BaseAccess.Readers));
        var office = api.MapGroup("").RequireAuthorization(policy => policy.RequireRole(BaseAccess.Office));

        readers.MapGet("/bases", (BaseLevel? level, BaseStatus? status, bool? belowBar, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListBases(level, status, belowBar ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct))
            .WithName("ListSupervisedBases")
            .WithSummary("Bases within the caller's scope with their latest designation period, status and last assessment; level, status, belowBar (last assessment below the bar), paged.")
            .Produces<Paged<BaseRow>>();

        readers.MapGet("/bases/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetBaseSupervision(id), ct).ConfigureAwait(false)))
            .WithName("GetSupervisedBase")
            .WithSummary("A base's designations (period, level, project, upstream reference), status history (who, when, why) and assessments. ETag: the base's.")
            .Produces<BaseSupervisionView>();

        office.MapPost("/bases/{id:guid}/status", async (Guid id, BaseStatusInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new ChangeBaseStatus(id, ifMatch, body), ct).ConfigureAwait(false)))
            .WithName("ChangeBaseStatus")
            .WithSummary("Program office: status Active|UnderReview|Revoked with a reason; active → under rectification or revoked, under rectification → active or revoked; a revoked base returns only through a new designation (409 supervision.base_status_not_allowed). If-Match (428/412).")
            .Produces<BaseSupervisionView>();

        office.MapPost("/bases/{id:guid}/exit", async (Guid id, BaseExitInput body, IMediator mediator, CancellationToken ct) =>
            {
                var exit = await mediator.Send(new StartBaseExit(id, body), ct).ConfigureAwait(false);
                return Results.Created($"/api/supervision/bases/{id}", exit);
            })
            .WithName("StartBaseExit")
            .WithSummary("Program office: puts a base proposed for exit (last assessment below the bar, the year before too) to public notice with a reason; the period is Programs' (Projects:NoticeWorkingDays working days). 201; 409 supervision.exit_not_proposed, supervision.exit_in_notice.")
            .Produces<BaseExitView>(StatusCodes.Status201Created);

        office.MapPost("/base-exits/{id:guid}/objections/{objectionId:guid}/resolve", (Guid id, Guid objectionId, BaseExitResolutionInput body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ResolveBaseExitObjection(id, objectionId, body), ct))
            .WithName("ResolveBaseExitObjection")
            .WithSummary("Program office: {uphold: true|false, resolution}. Upheld withdraws the exit (the base stays); dismissed lets it be concluded after the period. 409 supervision.objection_resolved.")
            .Produces<BaseExitView>();

        office.MapPost("/base-exits/{id:guid}/objections/{objectionId:guid}/contact", (Guid id, Guid objectionId, [FromBody] ContactBody? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RevealBaseExitObjectionContact(id, objectionId, body?.Purpose), ct))
            .WithName("RevealBaseExitObjectionContact")
            .WithSummary("Program office: the objector's name and full phone, for an account holding the unmask permission, with a purpose (≥ 4 characters); every attempt audited (data.personal_viewed). 403 personal_data.unmask_forbidden without the permission. Elsewhere the office sees the name and the phone masked.")
            .Produces<BaseExitObjectorContact>();

        office.MapPost("/base-exits/{id:guid}/conclude", async (Guid id, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ConcludeBaseExit(id, ifMatch), ct).ConfigureAwait(false))
            .WithName("ConcludeBaseExit")
            .WithSummary("Program office: after the notice period with no objection pending or upheld, the base exits (status Revoked 已撤销（退出）, with a status-history entry). If-Match: the exit's eTag (428/412). 409 project.notice_running, project.objection_pending, supervision.exit_concluded.")
            .Produces<BaseExitView>();

        office.MapPost("/exchanges", async (BaseExchangeInput body, IMediator mediator, CancellationToken ct) =>
            {
                var exchange = await mediator.Send(new RecordBaseExchange(body), ct).ConfigureAwait(false);
                return Results.Created($"/api/supervision/bases/{exchange.Bases[0].Id}/exchanges", exchange);
            })
            .WithName("RecordBaseExchange")
            .WithSummary("Program office: records an exchange or cooperation between bases: baseIds (2–20), heldOn (not after today), kind (Visit|JointTraining|ResourceSharing|Agreement|Other), topic, participants, note. 201; 400 supervision.exchange_base_unknown.")
            .Produces<BaseExchangeView>(StatusCodes.Status201Created);

        readers.MapGet("/bases/{id:guid}/exchanges", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListBaseExchanges(id), ct))
            .WithName("ListBaseExchanges")
            .WithSummary("A base's exchanges and cooperation with other bases, newest first (partners within the caller's scope).")
            .Produces<IReadOnlyList<BaseExchangeView>>();

        var exits = endpoints.MapGroup("/api/public/base-exits").WithTags(Tag);
        exits.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListPublicBaseExits(), ct))
            .AllowAnonymous()
            .WithName("ListPublicBaseExits")
            .WithSummary("Public: bases whose exit is in public notice (公示): base, level, reason, period and its phase today. No sign-in.")
            .Produces<IReadOnlyList<PublicBaseExit>>();

        exits.MapPost("/{id:guid}/objections", (Guid id, [FromBody] BaseExitObjectionInput? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new FileBaseExitObjection(id, body), ct))
            .AllowAnonymous()
            .RequireRateLimiting(PublicNoticeTerms.ObjectionRateLimitPolicy)
            .WithName("FileBaseExitObjection")
            .WithSummary("Public: an objection to a base's exit within its notice period (reason, contactName, contactPhone — the contact kept private); rate-limited like project objections. 404 supervision.exit_notice_not_found; 409 project.not_in_notice.")
            .Produces<BaseExitObjectionReceipt>();

        readers.MapGet("/bases/{id:guid}/scorecards/{year:int}", (Guid id, int year, IMediator mediator, CancellationToken ct) => mediator.Send(new GetScorecard(id, year), ct))
            .WithName("GetBaseScorecard")
            .WithSummary("A base's scorecard for a year, computed now: people trained against the floor, advanced seminars hosted, public and professional courses it developed in the course catalog that year, completion and satisfaction rates, inspections, and the score by the method in force.")
            .Produces<ScorecardView>();

        readers.MapGet("/bases/{id:guid}/scorecards/{year:int}/{indicator}", (Guid id, int year, string indicator, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListScorecardRecords(id, year, indicator, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct))
            .WithName("ListScorecardRecords")
            .WithSummary("The records an indicator counts: trainees (approved credit records; people within the caller's scope), seminars (projects), courses (classes with their subject), completion (finished classes), satisfaction (classes with evaluation counts).")
            .Produces<Paged<IndicatorRecord>>();

        office.MapPost("/bases/{id:guid}/assessments/{year:int}", (Guid id, int year, AssessInput body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new AssessBase(id, year, body), ct))
            .WithName("AssessBase")
            .WithSummary("Program office: scores the base's year with the method in force (its version recorded); below the bar this year and the year before proposes exit. Again for the same year replaces it.")
            .Produces<AssessmentView>();

        readers.MapGet("/assessment-methods", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListAssessmentMethods(), ct))
            .WithName("ListAssessmentMethods")
            .WithSummary("Every version of the assessment method (weights, targets, pass mark), newest — in force — first.")
            .Produces<IReadOnlyList<AssessmentMethodView>>();

        office.MapPost("/assessment-methods", async (AssessmentMethodInput body, IMediator mediator, CancellationToken ct) =>
            {
                var method = await mediator.Send(new AddAssessmentMethod(body), ct).ConfigureAwait(false);
                return Results.Created($"/api/supervision/assessment-methods", method);
            })
            .WithName("AddAssessmentMethod")
            .WithSummary("Program office: a new version of the method (weights 0–100, at least one above 0; seminarsTarget, coursesTarget, passMark, note); in force from now on.")
            .Produces<AssessmentMethodView>(StatusCodes.Status201Created);

        api.MapGet("/my/classes", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyClassesToRate(), ct))
            .RequireAuthorization(policy => policy.RequireRole(BaseAccess.Raters))
            .WithName("ListMyClassesToRate")
            .WithSummary("Professional: the classes with a record of theirs, whether each has ended and whether they rated it.")
            .Produces<IReadOnlyList<MyClassToRate>>();

        api.MapPost("/classes/{classId:guid}/evaluation", async (Guid classId, EvaluationInput body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RateClass(classId, body), ct).ConfigureAwait(false);
                return Results.NoContent();
            })
            .RequireAuthorization(policy => policy.RequireRole(BaseAccess.Raters))
            .WithName("RateClass")
            .WithSummary("Professional: rates a class that has ended and has a record of theirs (content, teacher, organization, usefulness 1–5; comment), once (409 supervision.evaluation_exists).")
            .Produces(StatusCodes.Status204NoContent);

        api.MapGet("/classes/{classId:guid}/evaluations", (Guid classId, IMediator mediator, CancellationToken ct) => mediator.Send(new GetClassEvaluations(classId), ct))
            .RequireAuthorization(policy => policy.RequireRole(BaseAccess.EvaluationReaders))
            .WithName("GetClassEvaluations")
            .WithSummary("A class's evaluation aggregates and comments, never who rated.")
            .Produces<ClassEvaluationsView>();

        return endpoints;
    }
}
