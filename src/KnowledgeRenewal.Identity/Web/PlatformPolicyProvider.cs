using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// The authorization policies (<see cref="PlatformPolicies"/>). The fallback policy — used by every endpoint that
/// names none — requires a signed-in caller; public reference data opts out with <c>AllowAnonymous</c>.
/// Sector policies (<c>sector-administration:{department}</c>) are made on demand.
/// </summary>
internal sealed class PlatformPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private static readonly string[] BusinessRoles =
    [
        PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin,
        PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr, PlatformRoles.Professional,
    ];

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(PlatformPolicies.ProgramOffice, policy => policy.RequireRole(PlatformRoles.ProgramOfficeAdmin));
        options.AddPolicy(PlatformPolicies.SystemAdministration, policy => policy.RequireRole(PlatformRoles.SystemAdmin));
        options.AddPolicy(PlatformPolicies.SecurityAdministration, policy => policy.RequireRole(PlatformRoles.SecurityAdmin));
        options.AddPolicy(PlatformPolicies.AuditReading, policy => policy.RequireRole(PlatformRoles.AuditAdmin));
        options.AddPolicy(PlatformPolicies.BusinessUser, policy => policy.RequireRole(BusinessRoles));
        options.AddPolicy(PlatformPolicies.BusinessReader, policy => policy.RequireAssertion(context =>
            BusinessRoles.Any(context.User.IsInRole)
            || context.User.FindAll(PlatformClaims.Scope).SelectMany(c => c.Value.Split(' ')).Any(s => FeedScopes.All.Contains(s))));
    }

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        if (policyName.StartsWith(PlatformPolicies.SectorAdministrationPrefix, StringComparison.Ordinal))
        {
            var department = policyName[PlatformPolicies.SectorAdministrationPrefix.Length..];
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                    context.User.IsInRole(PlatformRoles.ProgramOfficeAdmin)
                    || (context.User.IsInRole(PlatformRoles.DepartmentAdmin) && context.User.HasClaim(PlatformClaims.Department, department)))
                .Build();
        }

        return await base.GetPolicyAsync(policyName).ConfigureAwait(false);
    }
}
