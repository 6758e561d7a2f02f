using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Bases;
using KnowledgeRenewal.Registry.UseCases.Employers;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Registry.UseCases.Providers;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Registry.Web;

/// <summary>
/// The base registry's REST API under <c>/api/registry</c>: professionals (with employment history and audited
/// unmasking), employers, training providers and base designations. Reads are cut by the data layer's scope
/// filter (an out-of-scope record answers 404); ID numbers and phones are masked in every answer. Updates use
/// optimistic concurrency: read the record, send its <c>ETag</c> back in <c>If-Match</c> (428 without, 412 when
/// stale).
/// </summary>
internal static class RegistryApi
{
    private const string Tag = "基础库 (registry)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder endpoints)
    {
        MapProfessionals(endpoints);
        MapEmployers(endpoints);
        MapProvidersAndBases(endpoints);
        return endpoints;
    }

    private static void MapProfessionals(IEndpointRouteBuilder endpoints)
    {
        var professionals = endpoints.MapGroup("/api/registry/professionals")
            .WithTags(Tag)
            .WithMetadata(new RegistryReadersAttribute(FeedScopes.Registry));
        string[] writers = [.. RegistryWriters.ProfessionalWriters];

        professionals.MapGet("/", async (string? regionCode, string? departmentCode, Guid? employerId, string? titleLevel, string? status, string? name, string? idNumber, string? purpose, string? specialty, string? sort, string? dir, int? page, int? pageSize, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                if (!string.IsNullOrWhiteSpace(idNumber))
                {
                    http.Response.Headers.CacheControl = "no-store";
                }

                return await mediator.Send(new ListProfessionals(regionCode, departmentCode, employerId, titleLevel, status, name, idNumber, page ?? 1, pageSize ?? Paging.DefaultPageSize, purpose, specialty, sort, string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase)), ct).ConfigureAwait(false);
            })
            .WithName("ListProfessionals")
            .WithSummary("Professionals within the caller's scope, by name; filters regionCode, departmentCode, employerId, titleLevel, status, name (contains), specialty (contains); sort = name (default), title, specialty or updated, dir = asc or desc; pageSize ≤ 100. ID numbers and phones masked. idNumber (exact, by keyed hash) only with the permission personal-data.unmask or for one's own number, with a purpose (≥ 4 characters): 403 personal_data.lookup_forbidden otherwise, 429 personal_data.lookup_rate_limited (Retry-After) beyond Registry:IdNumberLookups; every look-up is audited (data.personal_searched).")
            .Produces<Paged<ProfessionalView>>();

        professionals.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetProfessional(id), ct).ConfigureAwait(false)))
            .WithName("GetProfessional")
            .WithSummary("One professional (masked) with its ETag; 404 when it does not exist or is outside the caller's scope.")
            .Produces<ProfessionalView>();

        professionals.MapPost("/", async (ProfessionalInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateProfessional(body), ct).ConfigureAwait(false);
                return http.Created($"/api/registry/professionals/{created.Value.Id}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("CreateProfessional")
            .WithSummary("Registers a professional: idNumber (GB 11643; lowercase x accepted), name, gender?/birthDate? (must agree with the ID), phone?, employerCreditCode (an employer visible to the caller), regionCode?/departmentCode? (always the employer's: a different value is 400 professional.region_not_employer / professional.department_not_employer; only an employer without a sector lets departmentCode be stated), titleSeries?, titleLevel?, specialty?, education, status?. 400 field errors in Chinese; 409 professional.duplicate when the caller can see the registered record; 403 registry.out_of_scope outside the caller's scope — also for a number registered outside it, which is not told apart.")
            .Produces<ProfessionalView>(StatusCodes.Status201Created);

        professionals.MapPut("/{id:guid}", async (Guid id, ProfessionalDetailsInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new UpdateProfessional(id, ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("UpdateProfessional")
            .WithSummary("Replaces name, phone, titleSeries, titleLevel, specialty and education — nothing else (employer: move; status: leave, which also ends the employment — a status other than the current one is 409 professional.status_through_leaving, an absent one keeps it; ID number and ownership never). Needs If-Match: 428 concurrency.precondition_required without, 412 concurrency.stale when changed meanwhile.")
            .Produces<ProfessionalView>();

        professionals.MapPost("/{id:guid}/move", async (Guid id, MoveBody body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new MoveProfessional(id, ifMatch, body?.EmployerCreditCode, body?.StartedOn), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("MoveProfessional")
            .WithSummary("Moves the professional to another employer (employerCreditCode, startedOn): the current employment ends the day before, the history is kept; region and sector become the new employer's. Needs If-Match.")
            .Produces<ProfessionalView>();

        professionals.MapPost("/{id:guid}/leave", async (Guid id, LeaveBody body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new RecordLeaving(id, ifMatch, body?.Status, body?.LeftOn), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("RecordProfessionalLeaving")
            .WithSummary("Records that the professional left (status Left: 离职, 调出本市) or retired (status Retired) on leftOn: the open employment ends that day, the person stays with the last employer. leftOn not in the future and not before the open employment's start; 409 leave.already_left when the person is no longer in post. The same writers and scope as a move. Needs If-Match.")
            .Produces<ProfessionalView>();

        professionals.MapGet("/{id:guid}/employments", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListEmployments(id), ct))
            .WithName("ListEmployments")
            .WithSummary("The professional's employment history, oldest first.")
            .Produces<IReadOnlyList<EmploymentView>>();

        professionals.MapPost("/{id:guid}/unmask", async (Guid id, UnmaskBody? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.Pragma = "no-cache";
                return await mediator.Send(new UnmaskProfessional(id, body?.Purpose), ct).ConfigureAwait(false);
            })
            .WithName("UnmaskProfessional")
            .WithSummary("The full ID number and phone, for a stated purpose (≥ 4 characters). Needs the permission personal-data.unmask (or one's own record); every answer — granted or refused — is audited (data.personal_viewed). Never cached.")
            .Produces<UnmaskedPersonalData>();
    }

    private static void MapEmployers(IEndpointRouteBuilder endpoints)
    {
        var employers = endpoints.MapGroup("/api/registry/employers")
            .WithTags(Tag)
            .WithMetadata(new RegistryReadersAttribute(FeedScopes.Organizations));
        string[] writers = [.. RegistryWriters.EmployerWriters];

        employers.MapGet("/", (string? regionCode, string? departmentCode, string? ownership, string? name, string? creditCode, int? page, int? pageSize, string? sort, string? dir, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListEmployers(regionCode, departmentCode, ownership, name, creditCode, page ?? 1, pageSize ?? Paging.DefaultPageSize, sort, dir), ct))
            .WithName("ListEmployers")
            .WithSummary("Employers within the caller's scope, by name (sort name, creditCode, createdAt; dir asc/desc); filters regionCode, departmentCode, ownership, name (contains), creditCode (exact); pageSize ≤ 100.")
            .Produces<Paged<EmployerView>>();

        employers.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetEmployer(id), ct).ConfigureAwait(false)))
            .WithName("GetEmployer")
            .WithSummary("One employer with its ETag.")
            .Produces<EmployerView>();

        employers.MapPost("/", async (EmployerInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateEmployer(body), ct).ConfigureAwait(false);
                return http.Created($"/api/registry/employers/{created.Value.Id}", created);
            })
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("CreateEmployer")
            .WithSummary("Registers an employer (creditCode GB 32100, name, ownership 公有制/非公有制, regionCode, departmentCode?) under its region's county bureau. County admins in their region, department admins in their sector; 409 organization.duplicate.")
            .Produces<EmployerView>(StatusCodes.Status201Created);

        employers.MapPut("/{id:guid}", async (Guid id, EmployerDetailsInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new UpdateEmployer(id, ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("UpdateEmployer")
            .WithSummary("Replaces name, ownership and departmentCode (never the credit code or region). Needs If-Match.")
            .Produces<EmployerView>();
    }

    private static void MapProvidersAndBases(IEndpointRouteBuilder endpoints)
    {
        var providers = endpoints.MapGroup("/api/registry/training-providers")
            .WithTags(Tag)
            .WithMetadata(new RegistryReadersAttribute(FeedScopes.Organizations));

        providers.MapGet("/", (string? regionCode, string? departmentCode, string? name, ProviderKind? kind, int? page, int? pageSize, string? sort, string? dir, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListTrainingProviders(regionCode, departmentCode, name, page ?? 1, pageSize ?? Paging.DefaultPageSize, kind, sort, dir), ct))
            .WithName("ListTrainingProviders")
            .WithSummary("Training providers within the caller's scope, by name (sort name, kind, createdAt; dir asc/desc); filters regionCode, departmentCode, name, kind; pageSize ≤ 100.")
            .Produces<Paged<TrainingProviderView>>();

        providers.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetTrainingProvider(id), ct).ConfigureAwait(false)))
            .WithName("GetTrainingProvider")
            .WithSummary("One training provider with its ETag.")
            .Produces<TrainingProviderView>();

        providers.MapPost("/", async (TrainingProviderInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateTrainingProvider(body), ct).ConfigureAwait(false);
                return http.Created($"/api/registry/training-providers/{created.Value.Id}", created);
            })
            .RequireAuthorization(PlatformPolicies.ProgramOffice)
            .WithName("CreateTrainingProvider")
            .WithSummary("Registers a training provider (creditCode, name, kind 高等院校/科研院所/专业协会/大中型企业/行业培训机构, regionCode, departmentCode?). Program office only; 409 organization.duplicate.")
            .Produces<TrainingProviderView>(StatusCodes.Status201Created);

        providers.MapPut("/{id:guid}", async (Guid id, TrainingProviderInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new UpdateTrainingProvider(id, ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(PlatformPolicies.ProgramOffice)
            .WithName("UpdateTrainingProvider")
            .WithSummary("Replaces name, kind, regionCode and departmentCode (never the credit code). Program office only; needs If-Match.")
            .Produces<TrainingProviderView>();

        var bases = endpoints.MapGroup("/api/registry/education-bases")
            .WithTags(Tag)
            .WithMetadata(new RegistryReadersAttribute(FeedScopes.Organizations));

        bases.MapGet("/", (string? level, string? status, Guid? organizationId, string? regionCode, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListEducationBases(level, status, organizationId, page ?? 1, pageSize ?? Paging.DefaultPageSize, regionCode), ct))
            .WithName("ListEducationBases")
            .WithSummary("Continuing-education base designations within the caller's scope; filters level, status, organizationId, regionCode (the designated organization's region); pageSize ≤ 100.")
            .Produces<Paged<EducationBaseView>>();

        bases.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetEducationBase(id), ct).ConfigureAwait(false)))
            .WithName("GetEducationBase")
            .WithSummary("One base designation with its ETag.")
            .Produces<EducationBaseView>();

        bases.MapPost("/", async (EducationBaseInput body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateEducationBase(body), ct).ConfigureAwait(false);
                return http.Created($"/api/registry/education-bases/{created.Value.Id}", created);
            })
            .RequireAuthorization(PlatformPolicies.ProgramOffice)
            .WithName("CreateEducationBase")
            .WithSummary("Designates a training provider as a base (name, organizationId, level 国家级/省级/市级, designatedOn, status 有效/整改考核中/已撤销). Program office only.")
            .Produces<EducationBaseView>(StatusCodes.Status201Created);

        bases.MapPut("/{id:guid}", async (Guid id, EducationBaseInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new UpdateEducationBase(id, ifMatch, body), ct).ConfigureAwait(false)))
            .RequireAuthorization(PlatformPolicies.ProgramOffice)
            .WithName("UpdateEducationBase")
            .WithSummary("Replaces name, level, designatedOn and status (e.g. revokes the designation); not the organization. Program office only; needs If-Match.")
            .Produces<EducationBaseView>();
    }
}
