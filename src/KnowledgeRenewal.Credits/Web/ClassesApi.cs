using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>
/// Training classes and their rosters under <c>/api/classes</c>. Reads are cut by the data layer's scope filter (a
/// class outside the caller's scope answers 404); writes are the class's provider's (and the program office's), with
/// optimistic concurrency: read the class, send its <c>ETag</c> back in <c>If-Match</c> (428 without, 412 when
/// stale). A finished class's roster goes through the registry's import pipeline; its job is followed at
/// <c>/api/registry/imports/{id}</c>.
/// </summary>
internal static class ClassesApi
{
    private const string Tag = "培训班次与学员名单 (classes and rosters)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapClassesApi(this IEndpointRouteBuilder endpoints)
    {
        var classes = endpoints.MapGroup("/api/classes")
            .WithTags(Tag)
            .RequireAuthorization(PlatformPolicies.BusinessUser);
        string[] writers = [.. ClassWriters.Roles];

        classes.MapGet("/", (Guid? providerId, int? year, string? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListTrainingClasses(providerId, year, status, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListTrainingClasses")
            .WithSummary("Training classes within the caller's scope (their provider; the county and sector a class is for; the program office), newest first; filters providerId, year (of the end date), status (Planned/Finished/Cancelled or 计划中/已结业/已取消); pageSize ≤ 100.")
            .Produces<Paged<TrainingClassView>>();

        classes.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetTrainingClass(id), ct).ConfigureAwait(false)))
            .WithName("GetTrainingClass")
            .WithSummary("One class with its ETag; 404 when it does not exist or is outside the caller's scope.")
            .Produces<TrainingClassView>();

        classes.MapPost("/", async (TrainingClassInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateTrainingClass(body), ct).ConfigureAwait(false);
                return http.Created($"/api/classes/{created.Value.Id}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("CreateTrainingClass")
            .WithSummary("Creates a planned class: providerId (program office; provider staff: their own), projectId?, title, startDate, endDate (ordered, ≤ 366 days, ≤ 2 years ahead), hours (> 0, ≤ days × 10), category 公需/专业, subjectCode? (in the catalog of departmentCode, or any module's), activity? (面授培训 default), creditClass? (of the module), mode? (线下 default), departmentCode?, regionCode? (the audience). 400 field errors in Chinese; 403 for another provider.")
            .Produces<TrainingClassView>(StatusCodes.Status201Created);

        classes.MapPut("/{id:guid}", async (Guid id, TrainingClassInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new UpdateTrainingClass(id, ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("UpdateTrainingClass")
            .WithSummary("Replaces the fields of a planned class (never its provider). Needs If-Match: 428 without, 412 when changed meanwhile; 409 class.not_editable once finished or cancelled.")
            .Produces<TrainingClassView>();

        classes.MapPost("/{id:guid}/finish", async (Guid id, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new FinishTrainingClass(id, ifMatch), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("FinishTrainingClass")
            .WithSummary("Finishes a planned class once its end date has passed (409 class.not_ended before); its roster can then be uploaded. Needs If-Match.")
            .Produces<TrainingClassView>();

        classes.MapPost("/{id:guid}/cancel", async (Guid id, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new CancelTrainingClass(id, ifMatch), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("CancelTrainingClass")
            .WithSummary("Cancels a planned class (409 class.invalid_transition for a finished one). Needs If-Match.")
            .Produces<TrainingClassView>();

        classes.MapPost("/{id:guid}/roster", (Guid id, string? mode, HttpContext http, RosterIntake intake, CancellationToken ct) => intake.AcceptAsync(id, http, mode, ct))
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("UploadRoster")
            .WithSummary("Uploads the roster (学员名单) of a finished class: .xlsx or .csv (UTF-8 or GBK) in multipart field `file`, columns 身份证号, 姓名, 学时, 科目类别?, 科目代码?. Every row is checked against the registry (registered, name, audience, hours ≤ the class's, subject in the person's catalogs) before one transaction writes the records (approved on entry; flagged ones pending). mode=all-or-nothing (default) or valid-rows-only; Idempotency-Key as the registry import. 202 + Location of the job (/api/registry/imports/{id}); 404 outside the caller's scope, 403 another provider's class, 409 roster.class_not_finished.")
            .Produces<ImportJobView>(StatusCodes.Status202Accepted);

        classes.MapGet("/roster-template", RosterTemplateAsync)
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("RosterTemplate")
            .WithSummary("The roster template (xlsx): headers 身份证号, 姓名, 学时, 科目类别, 科目代码; a sheet explaining each column; the subject codes (public and the enabled modules' professional subjects).");

        return endpoints;
    }

    private static async Task<IResult> RosterTemplateAsync(PlatformDbContext db, ModuleRegistry modules, CancellationToken ct)
    {
        var subjects = await db.Subjects.AsNoTracking()
            .Where(s => s.Status == SubjectStatus.Active)
            .OrderBy(s => s.Category).ThenBy(s => s.ModuleKey).ThenBy(s => s.Code)
            .Select(s => new { s.Code, s.Name, s.Category, s.ModuleKey })
            .ToListAsync(ct).ConfigureAwait(false);
        var stream = ImportWorkbooks.RosterTemplate(subjects.Select(s => (
            s.Code,
            s.Name,
            RosterClassRules.CategoryName(s.Category),
            s.ModuleKey is null ? "公需科目目录" : (modules.FindEnabled(s.ModuleKey)?.Manifest.NameZh ?? s.ModuleKey) + "专业科目目录")));
        return Results.File(stream, ImportWorkbooks.XlsxContentType, "学员名单导入模板.xlsx");
    }
}

/// <summary>
/// Accepts a roster upload: the class must be within the caller's scope (404), run by the caller (403) and finished
/// (409); then the registry import's intake takes the file (limits, idempotency key, inspection, the job) with the
/// class as the job's target.
/// </summary>
internal sealed class RosterIntake(PlatformDbContext db, ICurrentAccess access, IImportIntake intake)
{
    /// <summary>Handles <c>POST /api/classes/{id}/roster</c>.</summary>
    public async Task<IResult> AcceptAsync(Guid classId, HttpContext http, string? mode, CancellationToken cancellationToken)
    {
        var trainingClass = await db.TrainingClasses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == classId, cancellationToken).ConfigureAwait(false)
            ?? throw TrainingClassViews.NotFound(classId);
        ClassWriters.EnsureRunsClass(access, trainingClass);
        if (trainingClass.Status != TrainingClassStatus.Finished)
        {
            throw new PlatformException(
                RosterProblemCodes.ClassNotFinished,
                StatusCodes.Status409Conflict,
                "班次尚未结业",
                $"该班次{RosterClassRules.Statuses[trainingClass.Status]}：只有已结业的班次才能上传学员名单，请先办理结业。");
        }

        return await intake.AcceptAsync(ImportKind.Roster, http, mode, cancellationToken, classId).ConfigureAwait(false);
    }
}
