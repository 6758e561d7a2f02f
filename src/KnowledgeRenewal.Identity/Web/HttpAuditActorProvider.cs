using System.Diagnostics;
using System.Security.Claims;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// The audit actor of the current request: account, user name, roles, organization, client, source IP and
/// correlation id; <see cref="AuditActor.System"/> outside a request (start-up, background work). A singleton: it
/// reads the request's <see cref="ICurrentAccess"/> from the request's services.
/// </summary>
internal sealed class HttpAuditActorProvider(IHttpContextAccessor http) : IAuditActorProvider
{
    public AuditActor Current
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
            {
                return AuditActor.System;
            }

            var principal = context.User;
            var access = context.RequestServices?.GetService<ICurrentAccess>();
            var roles = principal.FindAll(PlatformClaims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
            if (roles.Length == 0 && access is not null)
            {
                roles = [.. access.Roles];
            }

            var address = context.Connection.RemoteIpAddress;
            if (address is { IsIPv4MappedToIPv6: true })
            {
                address = address.MapToIPv4();
            }

            return new AuditActor(
                access?.UserId ?? GuidClaim(principal, PlatformClaims.Subject),
                principal.FindFirst(PlatformClaims.Name)?.Value ?? principal.Identity?.Name,
                roles.Length == 0 ? null : string.Join(",", roles),
                access?.OrganizationId ?? GuidClaim(principal, PlatformClaims.Organization),
                principal.FindFirst(PlatformClaims.ClientId)?.Value ?? access?.ClientId,
                address?.ToString(),
                Activity.Current?.Id ?? context.TraceIdentifier);
        }
    }

    private static Guid? GuidClaim(ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirst(type)?.Value, out var value) ? value : null;
}
