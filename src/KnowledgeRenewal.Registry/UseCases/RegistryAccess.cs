using System.Security.Claims;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

using KnowledgeRenewal.Registry.Web;
namespace KnowledgeRenewal.Registry.UseCases;

/// <summary>Stable problem codes of the registry.</summary>
public static class RegistryProblemCodes
{
    /// <summary>The caller's role may not change this kind of registry record.</summary>
    public const string WriteForbidden = "registry.write_forbidden";

    /// <summary>The record (or, for a create or move, the employer or the resulting record) is outside the caller's scope.</summary>
    public const string OutOfScope = "registry.out_of_scope";

    /// <summary>A professional with this resident ID number is registered already.</summary>
    public const string ProfessionalDuplicate = "professional.duplicate";

    /// <summary>An organization with this unified social credit code is registered already.</summary>
    public const string CreditCodeDuplicate = "organization.duplicate";

    /// <summary>Unmasking personal data needs the permission (or one's own record).</summary>
    public const string UnmaskForbidden = "personal_data.unmask_forbidden";
}

/// <summary>
/// Who may change registry records, and where: the program office everything; a county administrator its region;
/// a department administrator its sector; employer HR its own staff (professionals only). Professionals do not
/// edit their own record here, providers and the separated administrators change nothing (403).
/// </summary>
public static class RegistryWriters
{
    /// <summary>Roles that may register and change professionals.</summary>
    public static IReadOnlyList<string> ProfessionalWriters { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr];

    /// <summary>Roles that may register and change employers.</summary>
    public static IReadOnlyList<string> EmployerWriters { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>403 unless the caller holds one of <paramref name="roles"/>.</summary>
    public static void EnsureRole(ICurrentAccess access, IReadOnlyList<string> roles, string what)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(roles);
        if (!access.Roles.Any(roles.Contains))
        {
            throw new PlatformException(RegistryProblemCodes.WriteForbidden, StatusCodes.Status403Forbidden, "无权修改该数据", $"您的角色不能登记或修改{what}。");
        }
    }

    /// <summary>
    /// 403 unless a record owned by <paramref name="regionCode"/>, <paramref name="departmentCode"/> and
    /// <paramref name="organizationId"/> is within the caller's own scope (region, sector or organization — never
    /// through "self" or a feed).
    /// </summary>
    public static void EnsureInScope(ICurrentAccess access, string? regionCode, string? departmentCode, Guid? organizationId, string detail)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.Scope.CanSee(regionCode, departmentCode, organizationId))
        {
            throw new PlatformException(RegistryProblemCodes.OutOfScope, StatusCodes.Status403Forbidden, "超出管理范围", detail);
        }
    }
}
