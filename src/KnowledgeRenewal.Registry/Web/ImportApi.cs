using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Registry.Web;

/// <summary>
/// Bulk import of the registry under <c>/api/registry/imports</c>: upload a professionals or employers file
/// (multipart field <c>file</c>, .xlsx or .csv) → 202 with the job; follow it at <c>/api/registry/imports/{id}</c>
/// (<c>?wait=30</c> waits for the end); download the error report as xlsx; download the templates.
/// </summary>
internal static class ImportApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRegistryImportApi(this IEndpointRouteBuilder endpoints)
    {
        // Import jobs are business data: the separated administrators are refused (403) even their own, empty list.
        var imports = endpoints.MapGroup("/api/registry/imports").WithTags("批量导入 (registry imports)")
            .RequireAuthorization(PlatformPolicies.BusinessUser);

        imports.MapPost("/professionals", (HttpContext http, string? mode, IImportIntake intake, CancellationToken ct) => intake.AcceptAsync(ImportKind.Professionals, http, mode, ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryWriters.ProfessionalWriters))
            .WithName("ImportProfessionals")
            .WithSummary("Imports professionals from an .xlsx or .csv (multipart/form-data, field `file`). `mode=all-or-nothing` (default) writes all rows or none; `valid-rows-only` writes the valid rows. Optional `Idempotency-Key` header: the same key again returns the first job (200). 202 + Location; 400 for an unreadable file (codes import.*), 413 import.file_too_large, 415 without multipart.");

        imports.MapPost("/employers", (HttpContext http, string? mode, IImportIntake intake, CancellationToken ct) => intake.AcceptAsync(ImportKind.Employers, http, mode, ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryWriters.EmployerWriters))
            .WithName("ImportEmployers")
            .WithSummary("Imports employers from an .xlsx or .csv; as the professionals import.");

        imports.MapGet("/professionals/template", (IMediator mediator, CancellationToken ct) => mediator.SendForFileAsync(new GetImportTemplate(ImportKind.Professionals), ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryWriters.ProfessionalWriters))
            .WithName("ProfessionalsImportTemplate")
            .WithSummary("The professionals import template (xlsx): Chinese headers, a sheet explaining each column and its allowed values, region and sector codes.");

        imports.MapGet("/employers/template", (IMediator mediator, CancellationToken ct) => mediator.SendForFileAsync(new GetImportTemplate(ImportKind.Employers), ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryWriters.EmployerWriters))
            .WithName("EmployersImportTemplate")
            .WithSummary("The employers import template (xlsx).");

        imports.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListImports(), ct))
            .WithName("ListImports")
            .WithSummary("The newest 50 import jobs the caller may see (their own; the program office all), without their errors.");

        imports.MapGet("/{id:guid}", (Guid id, int? wait, IMediator mediator, CancellationToken ct) => mediator.Send(new GetImport(id, wait), ct))
            .WithName("GetImport")
            .WithSummary("An import job with its status, progress (processedRows of totalRows), counts and errors (404 unless it is the caller's or the caller is the program office). `wait` (seconds, at most Registry:Import:MaxWaitSeconds) waits for it to end.");

        imports.MapGet("/{id:guid}/report", (Guid id, IMediator mediator, CancellationToken ct) => mediator.SendForFileAsync(new GetImportReport(id), ct))
            .WithName("GetImportReport")
            .WithSummary("The job's errors as xlsx (row as Excel numbers it, column header, field, code, Chinese message), and a roster's flags and warnings. 404 import.no_report when it has none.");

        return endpoints;
    }
}
