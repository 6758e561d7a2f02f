using System.Security.Claims;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

using KnowledgeRenewal.Kernel.Application;
namespace KnowledgeRenewal.Kernel.Access;

/// <summary>
/// Who may read the registry: every business role (what each sees is then cut by the data layer's access-scope
/// filter) and integrator clients granted the named feed scope — <see cref="FeedScopes.Registry"/> for professionals
/// and employment history, <see cref="FeedScopes.Organizations"/> for employers, providers and bases. The system,
/// security and audit administrators are refused (403): the registry is business data. A signed-in caller is
/// required (401 otherwise).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RegistryReadersAttribute(string feedScope) : Attribute, IAuthorizationRequirementData
{
    /// <summary>Roles that read business data.</summary>
    public static readonly string[] BusinessRoles = [.. PlatformRoles.All.Except(PlatformRoles.SeparatedAdministrators)];

    /// <summary>The feed scope an integrator client needs.</summary>
    public string FeedScope { get; } = feedScope;

    /// <summary>Whether <paramref name="user"/> may read registry records of <paramref name="feedScope"/>.</summary>
    public static bool IsAllowed(ClaimsPrincipal user, string feedScope)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            && (BusinessRoles.Any(user.IsInRole)
                || user.FindAll(PlatformClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(feedScope));
    }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        [new DenyAnonymousAuthorizationRequirement(), new AssertionRequirement(context => IsAllowed(context.User, FeedScope))];
}
