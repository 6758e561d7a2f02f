using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// <c>GET /api/admin/security-policy</c>: the security policy in force (security administrators). The policy is
/// deployment configuration (sections <c>Security</c> and <c>Audit</c>); every change of it is in the audit log.
/// </summary>
internal static class SecurityPolicyApi
{
    public static void MapSecurityPolicyApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/admin/security-policy", (IOptions<SecurityOptions> security, IOptions<PasswordPolicyOptions> passwords, IOptions<AuditOptions> audit) =>
                new SecurityPolicyView(
                    security.Value,
                    passwords.Value,
                    passwords.Value.EffectiveMinimumLength,
                    RoleCatalog.Roles.Where(r => r.RequiresTwoFactor).Select(r => r.Name).ToArray(),
                    PlatformRoles.SeparatedAdministrators,
                    audit.Value.RetentionDays))
            .WithTags("账号 (account)")
            .WithName("GetSecurityPolicy")
            .WithSummary("The security policy in force: lockout, sign-in limits, sessions, tokens, passwords (MLPS mode), two-factor roles, audit retention.")
            .RequireAuthorization(PlatformPolicies.SecurityAdministration);

    /// <summary>The policy in force.</summary>
    public sealed record SecurityPolicyView(
        SecurityOptions SignIn,
        PasswordPolicyOptions Passwords,
        int EffectivePasswordMinimumLength,
        IReadOnlyList<string> TwoFactorRequiredRoles,
        IReadOnlyList<string> SeparatedAdministratorRoles,
        int AuditRetentionDays);
}
