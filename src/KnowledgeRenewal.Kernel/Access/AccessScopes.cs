using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Access;

/// <summary>Derives a caller's <see cref="AccessScope"/> from their roles and organization — the one rule book of scoping.</summary>
public static class AccessScopes
{
    /// <summary>The scope of a person's account.</summary>
    public static AccessScope ForPerson(Guid userId, IReadOnlyCollection<string> roles, Guid? organizationId, string? regionCode, string? departmentCode)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var regions = new List<string>();
        var departments = new List<string>();
        var organizations = new List<Guid>();
        if (roles.Contains(PlatformRoles.CountyAdmin) && regionCode is not null)
        {
            regions.Add(regionCode);
        }

        if (roles.Contains(PlatformRoles.DepartmentAdmin) && departmentCode is not null)
        {
            departments.Add(departmentCode);
        }

        if ((roles.Contains(PlatformRoles.ProviderStaff) || roles.Contains(PlatformRoles.EmployerHr)) && organizationId is { } organization)
        {
            organizations.Add(organization);
        }

        return new AccessScope
        {
            AllBusinessData = roles.Contains(PlatformRoles.ProgramOfficeAdmin),
            RegionCodes = regions,
            DepartmentCodes = departments,
            OrganizationIds = organizations,
            UserId = userId,
            ManagesAccounts = roles.Contains(PlatformRoles.SecurityAdmin),
            ReadsAudit = roles.Contains(PlatformRoles.AuditAdmin),
        };
    }

    /// <summary>The scope of an integrator client: the read-only feeds it was granted.</summary>
    public static AccessScope ForClient(IReadOnlyCollection<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return new AccessScope { Feeds = scopes.Where(s => FeedScopes.All.Contains(s)).ToArray() };
    }
}
