using KnowledgeRenewal.Credits.UseCases.Operations;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>The system administrator's operations endpoint: <c>GET /api/admin/health</c>.</summary>
internal static class OperationsApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/admin/health", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetPlatformHealth(), ct))
            .WithTags("平台 (platform)")
            .WithName("GetPlatformHealth")
            .WithSummary("The database (readiness checks as /health/ready, provider, migrations applied and pending) and background work (import jobs running and failed in the last 7 days, this instance's compliance recomputations, the last audit purge) — counts and times only (system administrators).")
            .RequireAuthorization(PlatformPolicies.SystemAdministration)
            .Produces<PlatformHealth>();
        return endpoints;
    }
}
