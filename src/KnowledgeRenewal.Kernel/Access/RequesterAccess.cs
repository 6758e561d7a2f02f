using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Access;

/// <summary>
/// The requester of background work (an import, a recomputation), frozen when the request was accepted: the worker's
/// database context sees exactly what the requester saw (the same access-scope filter parameters), without a request
/// and without <c>SystemScope</c>. A role change in the seconds between acceptance and processing is not seen.
/// </summary>
public sealed class RequesterAccess(AccessScope scope, Guid? userId, Guid? organizationId, IReadOnlyList<string> roles, string? clientId) : ICurrentAccess
{
    /// <summary>The snapshot of the current caller.</summary>
    public static RequesterAccess Of(ICurrentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new RequesterAccess(access.Scope, access.UserId, access.OrganizationId, [.. access.Roles], access.ClientId);
    }

    /// <inheritdoc />
    public AccessScope Scope { get; } = scope;

    /// <inheritdoc />
    public Guid? UserId { get; } = userId;

    /// <inheritdoc />
    public Guid? OrganizationId { get; } = organizationId;

    /// <inheritdoc />
    public IReadOnlyList<string> Roles { get; } = roles;

    /// <inheritdoc />
    public string? ClientId { get; } = clientId;
}
