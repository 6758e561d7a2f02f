using System.Security.Claims;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Access;

/// <summary>
/// The caller of the current request, read from the authenticated principal's claims (a session cookie or a
/// bearer token). Inside <see cref="SystemScope"/> it is the platform itself; anywhere else without a request, nobody.
/// </summary>
internal sealed class CurrentAccess(IHttpContextAccessor http) : ICurrentAccess
{
    private static readonly Snapshot SystemSnapshot = new(AccessScope.System, null, null, [], null);
    private static readonly Snapshot AnonymousSnapshot = new(AccessScope.Anonymous, null, null, [], null);

    private Snapshot? snapshot;

    public AccessScope Scope => Read().Scope;

    public Guid? UserId => Read().UserId;

    public Guid? OrganizationId => Read().OrganizationId;

    public IReadOnlyList<string> Roles => Read().Roles;

    public string? ClientId => Read().ClientId;

    private Snapshot Read()
    {
        if (SystemScope.IsActive)
        {
            return SystemSnapshot;
        }

        // Fail closed: code that runs without a request and without SystemScope sees public data only.
        var context = http.HttpContext;
        if (context is null)
        {
            return AnonymousSnapshot;
        }

        // The principal can change during a request (sign-in, $batch); cache per principal instance.
        var principal = context.User;
        if (snapshot is not null && ReferenceEquals(snapshot.Principal, principal))
        {
            return snapshot;
        }

        snapshot = From(principal);
        return snapshot;
    }

    internal static Snapshot From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return new Snapshot(AccessScope.Anonymous, null, null, [], null) { Principal = principal };
        }

        var roles = principal.FindAll(PlatformClaims.Role).Select(c => c.Value).Distinct().ToArray();
        var subject = principal.FindFirst(PlatformClaims.Subject)?.Value;
        var clientId = principal.FindFirst(PlatformClaims.ClientId)?.Value;
        if (subject is null || !Guid.TryParse(subject, out var userId))
        {
            // An integrator client (client credentials): its granted feed scopes only.
            var scopes = principal.FindAll(PlatformClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
            return new Snapshot(AccessScopes.ForClient(scopes), null, null, [], clientId ?? subject) { Principal = principal };
        }

        var organization = Guid.TryParse(principal.FindFirst(PlatformClaims.Organization)?.Value, out var org) ? org : (Guid?)null;
        var scope = AccessScopes.ForPerson(
            userId,
            roles,
            organization,
            principal.FindFirst(PlatformClaims.Region)?.Value,
            principal.FindFirst(PlatformClaims.Department)?.Value);
        return new Snapshot(scope, userId, organization, roles, clientId) { Principal = principal };
    }

    internal sealed record Snapshot(AccessScope Scope, Guid? UserId, Guid? OrganizationId, IReadOnlyList<string> Roles, string? ClientId)
    {
        public ClaimsPrincipal? Principal { get; init; }
    }
}
