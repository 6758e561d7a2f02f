using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Registry.UseCases.Export;
using MediatR;

namespace KnowledgeRenewal.Registry.Web;

/// <summary>
/// Export of filtered registry views to xlsx: <c>GET /api/registry/professionals/export</c> (ID and mobile numbers
/// masked — the stored masks; nothing is decrypted) and <c>GET /api/registry/employers/export</c>. Rows are those
/// the caller may see (the access-scope filter); the filters are the list endpoints'. Every export is audited.
/// </summary>
internal static class ExportApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRegistryExportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/registry/professionals/export", (string? regionCode, string? departmentCode, Guid? employerId, string? titleLevel, string? status, string? name, IMediator mediator, CancellationToken ct) =>
                mediator.SendForFileAsync(new ExportProfessionals(regionCode, departmentCode, employerId, titleLevel, status, name), ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryReadersAttribute.BusinessRoles))
            .WithTags("批量导入 (registry imports)")
            .WithName("ExportProfessionals")
            .WithSummary("Professionals the caller may see, filtered by regionCode, departmentCode, employerId, titleLevel, status and part of the name, as xlsx with masked ID and mobile numbers. Audited.");

        endpoints.MapGet("/api/registry/employers/export", (string? regionCode, string? departmentCode, string? ownership, string? name, IMediator mediator, CancellationToken ct) =>
                mediator.SendForFileAsync(new ExportEmployers(regionCode, departmentCode, ownership, name), ct))
            .RequireAuthorization(policy => policy.RequireRole(RegistryReadersAttribute.BusinessRoles))
            .WithTags("批量导入 (registry imports)")
            .WithName("ExportEmployers")
            .WithSummary("Employers the caller may see, filtered by regionCode, departmentCode, ownership and part of the name, as xlsx. Audited.");
        return endpoints;
    }
}
