using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>The configuration's change history for system administrators: <c>GET /api/admin/configuration-changes</c>.</summary>
internal static class ConfigurationChangesApi
{
    public static IEndpointRouteBuilder MapConfigurationChangesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/configuration-changes", (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListConfigurationChanges(page ?? 1, pageSize ?? 50), ct))
            .WithTags("平台 (platform)")
            .WithName("ListConfigurationChanges")
            .WithSummary("Changes of the effective configuration recorded at start-up (config.changed, config.module_toggled), newest first: setting, value before and after (secrets as fingerprints only); pageSize ≤ 100 (system administrators).")
            .RequireAuthorization(PlatformPolicies.SystemAdministration);
        return endpoints;
    }
}
