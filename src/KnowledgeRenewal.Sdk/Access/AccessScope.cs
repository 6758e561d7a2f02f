namespace KnowledgeRenewal.Sdk;

/// <summary>
/// What the caller may see of the platform's data. The data layer applies it to every query (REST, OData,
/// <c>$expand</c>, <c>$apply</c>, <c>$batch</c>), so an endpoint cannot forget it. Business data is visible when
/// <see cref="AllBusinessData"/> is set, or when a row's region is in <see cref="RegionCodes"/>, its sector in
/// <see cref="DepartmentCodes"/>, its organization in <see cref="OrganizationIds"/>, or it belongs to
/// <see cref="UserId"/> (self).
/// </summary>
public sealed record AccessScope
{
    /// <summary>Whether every business row is visible (program office, system processes).</summary>
    public bool AllBusinessData { get; init; }

    /// <summary>Regions whose rows are visible (county admin).</summary>
    public IReadOnlyList<string> RegionCodes { get; init; } = [];

    /// <summary>Sectors (department codes) whose rows are visible (department admin).</summary>
    public IReadOnlyList<string> DepartmentCodes { get; init; } = [];

    /// <summary>Organizations whose rows are visible (provider staff, employer HR).</summary>
    public IReadOnlyList<Guid> OrganizationIds { get; init; } = [];

    /// <summary>The caller's own account, whose own rows are visible (professional).</summary>
    public Guid? UserId { get; init; }

    /// <summary>Whether the caller manages accounts, roles and policies (security admin).</summary>
    public bool ManagesAccounts { get; init; }

    /// <summary>Whether the caller reads the audit log (audit admin).</summary>
    public bool ReadsAudit { get; init; }

    /// <summary>Whether this is the platform itself (start-up, seeding, background work), not a caller.</summary>
    public bool IsSystem { get; init; }

    /// <summary>Feed scopes of an integrator client.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>The platform itself: sees everything.</summary>
    public static AccessScope System { get; } = new() { AllBusinessData = true, ManagesAccounts = true, ReadsAudit = true, IsSystem = true };

    /// <summary>An anonymous caller: public reference data only.</summary>
    public static AccessScope Anonymous { get; } = new();

    /// <summary>Whether a business row with these owners is visible.</summary>
    public bool CanSee(string? regionCode, string? departmentCode, Guid? organizationId, Guid? userId = null) =>
        AllBusinessData
        || (regionCode is not null && RegionCodes.Contains(regionCode))
        || (departmentCode is not null && DepartmentCodes.Contains(departmentCode))
        || (organizationId is { } organization && OrganizationIds.Contains(organization))
        || (userId is not null && userId == UserId);
}

/// <summary>The current caller: who they are and what they may see. Scoped to a request.</summary>
public interface ICurrentAccess
{
    /// <summary>The caller's data scope.</summary>
    AccessScope Scope { get; }

    /// <summary>The caller's account, or null for clients, anonymous callers and the platform itself.</summary>
    Guid? UserId { get; }

    /// <summary>The caller's organization, if any.</summary>
    Guid? OrganizationId { get; }

    /// <summary>The caller's roles.</summary>
    IReadOnlyList<string> Roles { get; }

    /// <summary>The integrator client id, when the caller is a client.</summary>
    string? ClientId { get; }
}
