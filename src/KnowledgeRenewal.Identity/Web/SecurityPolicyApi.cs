using KnowledgeRenewal.Identity.UseCases.Security;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// <c>GET /api/admin/security-policy</c>: the security policy in force (security administrators). The policy is
/// deployment configuration (sections <c>Security</c> and <c>Audit</c>); every change of it is in the audit log.
/// </summary>
internal static class SecurityPolicyApi
{
    public static void MapSecurityPolicyApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/admin/security-policy", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetSecurityPolicy(), ct))
            .WithTags("账号 (account)")
            .WithName("GetSecurityPolicy")
            .WithSummary("The security policy in force: lockout, sign-in limits, sessions, tokens, passwords (MLPS mode), two-factor roles, audit retention.")
            .RequireAuthorization(PlatformPolicies.SecurityAdministration);
}
