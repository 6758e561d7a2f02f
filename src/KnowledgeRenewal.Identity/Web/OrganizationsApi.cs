using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Organizations;
using MediatR;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// <c>GET /api/organizations</c>: the organization registry as the caller's scope shows it (the program office and
/// security administrators everything, a county its region, a department its sector, a provider or employer
/// itself, a professional nothing). Readers: see <see cref="OrganizationReadersAttribute"/>.
/// </summary>
internal static class OrganizationsApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(
                "/api/organizations",
                (OrganizationType? type, string? regionCode, string? departmentCode, string? search, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    mediator.Send(new ListOrganizations(type, regionCode, departmentCode, search, page ?? 1, pageSize ?? 50), ct))
            .WithTags("单位 (organizations)")
            .WithName("ListOrganizations")
            .WithSummary("Organizations visible to the caller, filtered by type, region, sector and a search over name and code; pageSize ≤ 200.")
            .WithMetadata(new OrganizationReadersAttribute());
        return endpoints;
    }
}
