using System.Security.Claims;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// Who may read the organization registry: every business role (what each sees is then cut by the data layer's
/// access-scope filter — a county its region, a department its sector, a provider or employer itself, a
/// professional nothing), security administrators (they place accounts into organizations) and integrator clients
/// granted <see cref="FeedScopes.Organizations"/>. The system and audit administrators are refused (403), and so
/// is a client holding only other feed scopes. The requirement travels with the endpoint metadata (no named policy
/// to register); it needs a signed-in caller (401 otherwise).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class OrganizationReadersAttribute : Attribute, IAuthorizationRequirementData
{
    private static readonly string[] BusinessRoles = [.. PlatformRoles.All.Except(PlatformRoles.SeparatedAdministrators)];

    /// <summary>Whether <paramref name="user"/> may read organizations.</summary>
    public static bool IsAllowed(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            && (BusinessRoles.Any(user.IsInRole)
                || user.IsInRole(PlatformRoles.SecurityAdmin)
                || user.FindAll(PlatformClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(FeedScopes.Organizations));
    }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        [new DenyAnonymousAuthorizationRequirement(), new AssertionRequirement(context => IsAllowed(context.User))];
}
