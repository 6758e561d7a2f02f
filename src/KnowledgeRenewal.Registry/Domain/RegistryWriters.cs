using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>
/// Who may change registry records, and where: the program office everything; a county administrator its region;
/// a department administrator its sector; employer HR its own staff (professionals only). Training providers and
/// base designations are the program office's alone. Professionals do not edit their own record here, providers and
/// the separated administrators change nothing (403). Pure rules of the caller's roles and scope and the record.
/// </summary>
public static class RegistryWriters
{
    /// <summary>Roles that may register and change professionals.</summary>
    public static IReadOnlyList<string> ProfessionalWriters { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr];

    /// <summary>Roles that may register and change employers.</summary>
    public static IReadOnlyList<string> EmployerWriters { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>Roles that may register and change training providers and designate bases.</summary>
    public static IReadOnlyList<string> ProviderWriters { get; } = [PlatformRoles.ProgramOfficeAdmin];

    /// <summary>403 <see cref="RegistryProblemCodes.WriteForbidden"/> unless the caller holds one of <paramref name="roles"/>.</summary>
    /// <param name="access">The caller.</param>
    /// <param name="roles">The roles that may write.</param>
    /// <param name="what">What is written, as the message names it (e.g. “用人单位”).</param>
    public static void EnsureRole(ICurrentAccess access, IReadOnlyList<string> roles, string what)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(roles);
        if (!access.Roles.Any(roles.Contains))
        {
            throw new PlatformException(RegistryProblemCodes.WriteForbidden, 403, "无权修改该数据", $"您的角色不能登记或修改{what}。");
        }
    }

    /// <summary>
    /// 403 <see cref="RegistryProblemCodes.OutOfScope"/> unless a record owned by <paramref name="regionCode"/>,
    /// <paramref name="departmentCode"/> and <paramref name="organizationId"/> is within the caller's own scope
    /// (region, sector or organization — never through "self" or a feed).
    /// </summary>
    public static void EnsureInScope(ICurrentAccess access, string? regionCode, string? departmentCode, Guid? organizationId, string detail)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.Scope.CanSee(regionCode, departmentCode, organizationId))
        {
            throw new PlatformException(RegistryProblemCodes.OutOfScope, 403, "超出管理范围", detail);
        }
    }
}
