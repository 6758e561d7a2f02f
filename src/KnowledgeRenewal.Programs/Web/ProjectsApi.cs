using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Web;

/// <summary>
/// Program projects under <c>/api/projects</c>: applications (drafts) by the applicant's staff, workflow steps as
/// <c>POST /api/projects/{id}/{action}</c> (see <see cref="ProjectWorkflow"/>), expert reviews, objections and the
/// overdue list; the public notice list and objection filing under <c>/api/notices</c> (no sign-in). Changes need the
/// project's <c>ETag</c> in <c>If-Match</c> (428 without, 412 stale). Reads are cut by the data layer's scope filter.
/// </summary>
internal static class ProjectsApi
{
    private const string Tag = "项目 (projects)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder endpoints)
    {
        var projects = endpoints.MapGroup("/api/projects").WithTags(Tag);

        projects.MapGet("/", (ProjectType? type, ProjectLevel? level, ProjectStatus? status, int? year, string? regionCode, string? departmentCode, ProjectField? field, int? page, int? pageSize, string? sort, string? dir, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListProjects(type, level, status, year, regionCode, departmentCode, field, page ?? 1, pageSize ?? 20, sort, string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase)), ct))
            .RequireAuthorization(policy => policy.RequireRole(ProjectAccess.Readers))
            .WithName("ListProjects")
            .WithSummary("Projects within the caller's scope (the program office all; a county bureau its region; a line department its sector; a provider or employer those it applied for or hosts), newest first; filters type, level, status, year (credit year), regionCode, departmentCode, field; sort = created (default, newest first), number, title, start or waiting (time in the current state), dir = asc or desc; pageSize ≤ 100.")
            .Produces<Paged<ProjectView>>();

        projects.MapGet("/overdue", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListOverdueProjects(), ct))
            .RequireAuthorization(policy => policy.RequireRole(ProjectAccess.Readers))
            .WithName("ListOverdueProjects")
            .WithSummary("Projects within the caller's scope that stayed in a state longer than its deadline (Projects:Deadlines:{State} working days, China Standard Time, holidays and 调休 counted), most overdue first, with who must act.")
            .Produces<IReadOnlyList<OverdueProject>>();

        projects.MapGet("/counts", (IMediator mediator, CancellationToken ct) => mediator.Send(new CountProjectsByStatus(), ct))
            .RequireAuthorization(policy => policy.RequireRole(ProjectAccess.Readers))
            .WithName("CountProjectsByStatus")
            .WithSummary("How many projects within the caller's scope are in each workflow state (every state listed, zero included) — the review queue's counts per step.")
            .Produces<IReadOnlyList<ProjectStatusCount>>();

        projects.MapGet("/{id:guid}/actions", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListProjectActions(id), ct))
            .RequireAuthorization(policy => policy.RequireRole(ProjectAccess.Readers))
            .WithName("ListProjectActions")
            .WithSummary("The workflow steps the caller may take on the project now (the same decision as POST …/{action}): each with whether it is open now, what it needs (comment, referenceNumber, summary, expert score) and, when a condition is not met yet, why (Chinese). Steps of other parties, or not for the project's level, are left out. 404 outside the caller's scope.")
            .Produces<IReadOnlyList<ProjectActionOption>>();

        projects.MapPost("/", async (HttpContext http, [FromBody] ProjectInput? body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateProject(body), ct).ConfigureAwait(false);
                return http.Created($"/api/projects/{created.Value.Project.Id:D}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(ProjectApplicants.AnyType))
            .WithName("CreateProject")
            .WithSummary("A draft application for the caller's own organization. Who may apply: providers every type; employers, line departments and county bureaus seminars and capacity building; the program office capacity building. recommenderOrganizationId must be the county bureau of the project's region or the line department of its sector (not the applicant). providerId (the host): a provider hosts its own projects only (none named = itself); others may name a provider or base within their scope. Money in fen. 201 + ETag; 403 project.not_applicant; 400 project.invalid_recommender / project.invalid_host.")
            .Produces<ProjectDetail>(StatusCodes.Status201Created);

        projects.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetProject(id), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(ProjectAccess.Readers))
            .WithName("GetProject")
            .WithSummary("One project with its history (who, role, organization, when, comment, score per step), expert reviews and the number of pending objections; with its ETag. 404 outside the caller's scope.")
            .Produces<ProjectDetail>();

        projects.MapPut("/{id:guid}", async (Guid id, [FromBody] ProjectInput? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new UpdateProject(id, ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(ProjectApplicants.AnyType))
            .WithName("UpdateProject")
            .WithSummary("The applicant's staff change their draft (all fields as on create, the host rule included; the type never changes). Needs If-Match. 409 project.not_draft once submitted; 400 project.invalid_host.")
            .Produces<ProjectDetail>();

        projects.MapGet("/{id:guid}/objections", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListObjections(id), ct))
            .RequireAuthorization(policy => policy.RequireRole(ProjectAccess.Readers))
            .WithName("ListProjectObjections")
            .WithSummary("The objections filed during the project's notice: content, state and resolution. Who filed them (name, phone) only the program office sees, and its reads are audited; everyone else — the applicant first — sees the filer as 异议人 and no contact.")
            .Produces<IReadOnlyList<ObjectionView>>();

        projects.MapPost("/{id:guid}/objections/{objectionId:guid}/resolve", async (Guid id, Guid objectionId, [FromBody] ResolveObjectionBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new ResolveObjection(id, objectionId, ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(PlatformRoles.ProgramOfficeAdmin))
            .WithName("ResolveProjectObjection")
            .WithSummary("The program office resolves an objection during the notice: decision uphold (异议成立: the project goes to 未通过) or dismiss, with a resolution. Needs the project's If-Match. 409 project.objection_resolved; 403 project.own_application.")
            .Produces<ProjectDetail>();

        projects.MapPost("/{id:guid}/reviews", async (Guid id, [FromBody] TransitionBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new TransitionProject(id, ProjectLabels.Slug(ProjectAction.Score), ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(PlatformRoles.ProgramOfficeAdmin))
            .WithName("ReviewProject")
            .WithSummary("The program office records an external expert's score (0–100) and comment while the project is under review (the same as POST …/score). Body: expertName, score, comment. Needs If-Match. 409 project.duplicate_review for the same expert twice.")
            .Produces<ProjectDetail>();

        projects.MapPost("/{id:guid}/{action}", async (Guid id, string action, [FromBody] TransitionBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new TransitionProject(id, action, ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole([.. ProjectApplicants.AnyType.Union(ProjectAccess.Readers)]))
            .WithName("TransitionProject")
            .WithSummary("A workflow step: submit, withdraw, return, recommend, start-review, score, approve, reject, recommend-upward, record-upstream-approval, record-upstream-rejection, start-notice, publish, start, complete, archive. Body (optional): comment (required to return/reject), referenceNumber (upstream outcomes), summary (complete), expertName + score (score). Needs If-Match. 409 project.transition_not_allowed / project.role_not_allowed / guard codes (project.notice_running, project.objection_pending, project.upstream_level, project.reviews_missing, project.roster_missing); 403 project.not_responsible / project.own_application; 412 when someone acted first.")
            .Produces<ProjectDetail>();

        var notices = endpoints.MapGroup("/api/notices").WithTags(Tag);
        notices.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListNotices(), ct))
            .AllowAnonymous()
            .WithName("ListProjectNotices")
            .WithSummary("Public: the projects in public notice (公示), their organizers, notice periods and where each stands today (phase NotStarted 待公示 / Open 公示中 — objections taken / Ended 公示期满). No sign-in.")
            .Produces<IReadOnlyList<PublicNotice>>();

        notices.MapPost("/{id:guid}/objections", (Guid id, [FromBody] ObjectionInput? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                FileAsync(id, body, mediator, http, ct))
            .AllowAnonymous()
            .RequireRateLimiting(ProjectObjectionLimits.Policy)
            .WithName("FileProjectObjection")
            .WithSummary("Public: anyone files an objection against a project during its notice period: reason, contactName, contactPhone (kept private: never shown publicly, masked for all but the program office). Rate-limited per client address (Projects:ObjectionsPerMinute; 429 beyond). 201; 404 when the project is not in notice; 409 project.not_in_notice before the notice period's first day and after its last (China Standard Time).")
            .Produces<ObjectionReceipt>(StatusCodes.Status201Created);

        return endpoints;
    }

    private static async Task<IResult> FileAsync(Guid id, ObjectionInput? body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var receipt = await mediator.Send(new FileObjection(id, body, ClientAddress.Of(http)), ct).ConfigureAwait(false);
        return Results.Created($"/api/projects/{id:D}/objections", receipt);
    }
}
