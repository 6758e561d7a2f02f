using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Web;

/// <summary>
/// Digital-technology-engineer cultivation (数字技术工程师培育) under <c>/api/digital-engineers</c>: the fields ×
/// levels, the catalog of training and evaluation institutions (listed by the program office), training records,
/// evaluation results, certificates and vocational-training subsidy claims. Reads are cut by the data layer's scope
/// filter (404 outside it); every write is audited by the data layer; claim decisions and payments need the claim's
/// <c>ETag</c> in <c>If-Match</c> (428 without, 412 when stale).
/// </summary>
internal static class DigitalEngineersApi
{
    private const string Tag = "数字技术工程师 (digital engineers)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDigitalEngineersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/digital-engineers").WithTags(Tag);

        group.MapGet("/fields", () => DigitalEngineerViews.Fields())
            .AllowAnonymous()
            .WithName("ListDigitalFields")
            .WithSummary("The ten digital-technology fields × junior/intermediate/senior (reference data), with the title linkage of each level's certificate and the subsidy standard of its training-qualified certificate.")
            .Produces<IReadOnlyList<DigitalFieldView>>();

        MapInstitutions(group);
        MapPipeline(group);
        MapClaims(group);
        return endpoints;
    }

    private static void MapInstitutions(RouteGroupBuilder group)
    {
        group.MapGet("/institutions", (string? kind, string? field, string? level, DateOnly? validOn, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListInstitutions(kind, field, level, validOn), ct))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("ListDigitalInstitutions")
            .WithSummary("The catalog of training institutions (培训机构) and evaluation institutions (评价机构); filters kind (Training/Evaluation), field, level, validOn (yyyy-MM-dd).")
            .Produces<IReadOnlyList<InstitutionView>>();

        group.MapGet("/institutions/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetInstitution(id), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("GetDigitalInstitution")
            .WithSummary("One catalog entry with its ETag.")
            .Produces<InstitutionView>();

        group.MapPost("/institutions", async ([FromBody] InstitutionBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new ListInstitution(body ?? InstitutionBody.Empty), ct).ConfigureAwait(false);
                return http.Created($"/api/digital-engineers/institutions/{created.Value.Id:D}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.CatalogWriters))
            .WithName("ListDigitalInstitution")
            .WithSummary("The program office lists a training provider or education base as a training or evaluation institution: { organizationId, kind, validFrom, validTo, scopes: [{ field, level }] }. One entry per organization (it trains or evaluates, never both): 409 digital.already_listed; 422 digital.organization_not_eligible.")
            .Produces<InstitutionView>(StatusCodes.Status201Created);

        group.MapPut("/institutions/{id:guid}", async (Guid id, [FromBody] InstitutionBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new UpdateInstitution(id, ifMatch, body ?? InstitutionBody.Empty), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.CatalogWriters))
            .WithName("UpdateDigitalInstitution")
            .WithSummary("The program office changes an entry's validity and fields ({ validFrom, validTo, scopes }); needs If-Match.")
            .Produces<InstitutionView>();
    }

    private static void MapPipeline(RouteGroupBuilder group)
    {
        group.MapPost("/trainings", async ([FromBody] TrainingBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new RecordTraining(body ?? TrainingBody.Empty), ct).ConfigureAwait(false);
                return Results.Created($"/api/digital-engineers/trainings/{created.Id:D}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.InstitutionActors))
            .WithName("RecordDigitalTraining")
            .WithSummary("A training institution's staff (or the program office) records a training: { professionalId, field, level, institutionId, startDate, endDate, hours, passed }. 403 digital.not_institution_staff; 422 digital.institution_not_listed / wrong_institution_kind / outside_validity / field_not_listed / person_not_found.")
            .Produces<TrainingView>(StatusCodes.Status201Created);

        group.MapGet("/trainings", (string? field, string? level, int? year, bool? passed, Guid? professionalId, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListTrainings(new PipelineFilter(field, level, year, null, professionalId, page ?? 1, pageSize ?? 20), passed), ct))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("ListDigitalTrainings")
            .WithSummary("Training records within the caller's scope (people masked), newest first; filters field, level, year, passed (true/false), professionalId; pageSize ≤ 100.")
            .Produces<Paged<TrainingView>>();

        group.MapGet("/trainings/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetTraining(id), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("GetDigitalTraining")
            .WithSummary("One training record with its ETag; 404 outside the caller's scope.")
            .Produces<TrainingView>();

        group.MapPut("/trainings/{id:guid}/result", async (Guid id, [FromBody] TrainingResultBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new ChangeTrainingResult(id, ifMatch, body ?? TrainingResultBody.Empty), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.InstitutionActors))
            .WithName("ChangeDigitalTrainingResult")
            .WithSummary("The training institution's staff (or the program office) corrects a training's result and attended hours: { passed, hours, reason }; needs If-Match. The trainee's credit record follows (a linked correction, or a revocation when the training becomes 不合格). 409 digital.result_locked when a certified or evaluated training would become 不合格.")
            .Produces<TrainingView>();

        group.MapPost("/trainings/{id:guid}/certificate", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new IssueTrainingCertificate(id), ct).ConfigureAwait(false);
                return Results.Created($"/api/digital-engineers/certificates/{created.Id:D}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.InstitutionActors))
            .WithName("IssueDigitalTrainingCertificate")
            .WithSummary("The training institution issues the training-qualified certificate (培训合格证书) of a passed training, numbered SZPX-{year}-{field}{level}-{serial}. 409 digital.training_not_passed / digital.certificate_exists; 422 digital.outside_validity when its listing has expired.")
            .Produces<DigitalCertificateView>(StatusCodes.Status201Created);

        group.MapPost("/evaluations", async ([FromBody] EvaluationBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new RecordEvaluation(body ?? EvaluationBody.Empty), ct).ConfigureAwait(false);
                return Results.Created($"/api/digital-engineers/evaluations/{created.Id:D}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.InstitutionActors))
            .WithName("RecordDigitalEvaluation")
            .WithSummary("An evaluation institution's staff (or the program office) records the result of a passed training: { trainingId, institutionId, evaluatedOn, score } (passed from 60). 409 digital.training_not_passed / digital.already_evaluated; 422 digital.same_organization when the evaluator trained the person, and the catalog problems.")
            .Produces<EvaluationView>(StatusCodes.Status201Created);

        group.MapGet("/evaluations", (string? field, string? level, int? year, Guid? professionalId, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListEvaluations(new PipelineFilter(field, level, year, null, professionalId, page ?? 1, pageSize ?? 20)), ct))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("ListDigitalEvaluations")
            .WithSummary("Evaluation results within the caller's scope, newest first; filters field, level, year, professionalId.")
            .Produces<Paged<EvaluationView>>();

        group.MapGet("/evaluations/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetEvaluation(id), ct))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("GetDigitalEvaluation")
            .WithSummary("One evaluation result; 404 outside the caller's scope.")
            .Produces<EvaluationView>();

        group.MapPost("/evaluations/{id:guid}/certificate", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new IssueLevelCertificate(id), ct).ConfigureAwait(false);
                return Results.Created($"/api/digital-engineers/certificates/{created.Id:D}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.InstitutionActors))
            .WithName("IssueDigitalLevelCertificate")
            .WithSummary("The evaluation institution issues the professional technical level certificate (专业技术等级证书) of a passed evaluation, numbered SZDJ-…; senior: 高级职称申报参考, junior/intermediate: 可作为职称认定依据. 409 digital.evaluation_not_passed / digital.certificate_exists.")
            .Produces<DigitalCertificateView>(StatusCodes.Status201Created);

        group.MapGet("/certificates", (string? kind, string? field, string? level, int? year, Guid? professionalId, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListDigitalCertificates(new PipelineFilter(field, level, year, kind, professionalId, page ?? 1, pageSize ?? 20)), ct))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("ListDigitalCertificates")
            .WithSummary("Certificates within the caller's scope (holders masked) with title linkage and subsidy eligibility; filters kind (TrainingQualified/ProfessionalLevel), field, level, year, professionalId.")
            .Produces<Paged<DigitalCertificateView>>();

        group.MapGet("/certificates/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetDigitalCertificate(id), ct))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("GetDigitalCertificate")
            .WithSummary("One certificate; 404 outside the caller's scope.")
            .Produces<DigitalCertificateView>();
    }

    private static void MapClaims(RouteGroupBuilder group)
    {
        group.MapPost("/subsidy-claims", async ([FromBody] ClaimBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new FileSubsidyClaim(body ?? ClaimBody.Empty), ct).ConfigureAwait(false);
                return http.Created($"/api/digital-engineers/subsidy-claims/{created.Value.Id:D}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Claimants))
            .WithName("FileSubsidyClaim")
            .WithSummary("The holder (or their county bureau, or the program office) claims the vocational-training subsidy (职业培训补贴) of a training-qualified certificate: { certificateId, note? }; the amount is the standard of the level. 422 digital.not_eligible for a level certificate; 409 digital.claim_exists (one claim per certificate); 403 digital.not_claimant.")
            .Produces<SubsidyClaimView>(StatusCodes.Status201Created);

        group.MapGet("/subsidy-claims", (string? status, Guid? institutionId, int? year, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListSubsidyClaims(status, page ?? 1, pageSize ?? 20, institutionId, year), ct))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("ListSubsidyClaims")
            .WithSummary("Subsidy claims within the caller's scope, newest first; filters status (Submitted, Approved, Rejected, Paid), institutionId (the training institution that issued the certificate), year (filed, China time).")
            .Produces<Paged<SubsidyClaimView>>();

        group.MapGet("/subsidy-claims/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetSubsidyClaim(id), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Readers))
            .WithName("GetSubsidyClaim")
            .WithSummary("One claim with its trail (who, when, why per step) and its ETag.")
            .Produces<SubsidyClaimView>();

        group.MapPost("/subsidy-claims/{id:guid}/decision", async (Guid id, [FromBody] ClaimDecisionBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new DecideSubsidyClaim(id, ifMatch, body ?? ClaimDecisionBody.Empty), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Approvers))
            .WithName("DecideSubsidyClaim")
            .WithSummary("The county bureau the claim was filed in (or the program office) approves or rejects it: { decision: approve|reject, comment } (reason required to reject). Needs If-Match. 403 digital.not_approver / digital.self_decision; 409 digital.claim_wrong_step; 412 when someone else decided first.")
            .Produces<SubsidyClaimView>();

        group.MapPost("/subsidy-claims/{id:guid}/payment", async (Guid id, [FromBody] ClaimPaymentBody? body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new PaySubsidyClaim(id, ifMatch, body ?? ClaimPaymentBody.Empty), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(DigitalEngineerAccess.Approvers))
            .WithName("PaySubsidyClaim")
            .WithSummary("Records the payment of an approved claim: { reference } (voucher number). Needs If-Match. 409 digital.claim_wrong_step unless approved.")
            .Produces<SubsidyClaimView>();
    }
}
