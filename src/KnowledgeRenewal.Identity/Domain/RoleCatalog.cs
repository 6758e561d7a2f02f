using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>What a role is: its Chinese name, which organizations may hold it, whether it needs two factors.</summary>
/// <param name="Name">The role name (see <see cref="PlatformRoles"/>).</param>
/// <param name="DisplayName">Chinese name.</param>
/// <param name="OrganizationTypes">Organization types whose accounts may hold it.</param>
/// <param name="RequiresTwoFactor">Whether signing in needs a TOTP code.</param>
public sealed record RoleDefinition(string Name, string DisplayName, IReadOnlyList<OrganizationType> OrganizationTypes, bool RequiresTwoFactor);

/// <summary>The platform's roles and the rules of holding them (three-role separation, organization fit).</summary>
public static class RoleCatalog
{
    private static readonly OrganizationType[] ProgramOffice = [OrganizationType.ProgramOffice];

    /// <summary>Every role.</summary>
    public static IReadOnlyList<RoleDefinition> Roles { get; } =
    [
        new(PlatformRoles.ProgramOfficeAdmin, "项目办管理员", ProgramOffice, RequiresTwoFactor: true),
        new(PlatformRoles.CountyAdmin, "县（市、区）管理员", [OrganizationType.CountyBureau], RequiresTwoFactor: false),
        new(PlatformRoles.DepartmentAdmin, "行业主管部门管理员", [OrganizationType.LineDepartment], RequiresTwoFactor: false),
        new(PlatformRoles.ProviderStaff, "施教机构工作人员", [OrganizationType.TrainingProvider, OrganizationType.EducationBase], RequiresTwoFactor: false),
        new(PlatformRoles.EmployerHr, "用人单位人事管理员", [OrganizationType.Employer], RequiresTwoFactor: false),
        new(PlatformRoles.Professional, "专业技术人员", [OrganizationType.Employer], RequiresTwoFactor: false),
        new(PlatformRoles.SystemAdmin, "系统管理员", ProgramOffice, RequiresTwoFactor: true),
        new(PlatformRoles.SecurityAdmin, "安全管理员", ProgramOffice, RequiresTwoFactor: true),
        new(PlatformRoles.AuditAdmin, "审计管理员", ProgramOffice, RequiresTwoFactor: true),
    ];

    /// <summary>The definition of <paramref name="role"/>, or null.</summary>
    public static RoleDefinition? Find(string role) => Roles.FirstOrDefault(r => r.Name == role);

    /// <summary>
    /// Problems with an account of <paramref name="organizationType"/> holding <paramref name="roles"/> (empty when
    /// allowed). Messages are Chinese: they reach the security administrator.
    /// </summary>
    public static IReadOnlyList<string> Check(IReadOnlyCollection<string> roles, OrganizationType organizationType)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var problems = new List<string>();
        foreach (var role in roles)
        {
            var definition = Find(role);
            if (definition is null)
            {
                problems.Add($"角色“{role}”不存在。");
            }
            else if (!definition.OrganizationTypes.Contains(organizationType))
            {
                problems.Add($"“{definition.DisplayName}”角色不能授予{OrganizationTypeName(organizationType)}的账号。");
            }
        }

        var separated = SeparatedAdministratorRoles(roles);
        if (separated.Length > 1)
        {
            problems.Add($"系统管理员、安全管理员、审计管理员须三员分立，同一账号不能同时担任：{string.Join("、", separated.Select(r => Find(r)!.DisplayName))}。");
        }

        if (separated.Length == 1 && roles.Count > 1)
        {
            problems.Add($"{Find(separated[0])!.DisplayName}账号不能兼任其他角色。");
        }

        return problems;
    }

    /// <summary>Whether <paramref name="role"/> is one of the three separated administrator roles (system, security, audit).</summary>
    public static bool IsSeparatedAdministrator(string role) => PlatformRoles.SeparatedAdministrators.Contains(role);

    /// <summary>
    /// Whether <paramref name="roles"/> break the three-role separation: two of the separated administrator roles
    /// on one account, or one of them together with any other role.
    /// </summary>
    public static bool BreaksSeparation(IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var separated = SeparatedAdministratorRoles(roles);
        return separated.Length > 1 || (separated.Length == 1 && roles.Count > 1);
    }

    /// <summary>Whether an account with these roles in this organization must use two factors.</summary>
    public static bool RequiresTwoFactor(IEnumerable<string> roles, OrganizationType organizationType) =>
        organizationType == OrganizationType.ProgramOffice
        || roles.Any(r => Find(r)?.RequiresTwoFactor == true);

    /// <summary>The Chinese name of an organization type.</summary>
    public static string OrganizationTypeName(OrganizationType type) => type switch
    {
        OrganizationType.ProgramOffice => "项目办",
        OrganizationType.CountyBureau => "县（市、区）人社部门",
        OrganizationType.LineDepartment => "行业主管部门",
        OrganizationType.TrainingProvider => "施教机构",
        OrganizationType.EducationBase => "继续教育基地",
        OrganizationType.Employer => "用人单位",
        _ => type.ToString(),
    };

    private static string[] SeparatedAdministratorRoles(IEnumerable<string> roles) => [.. roles.Where(IsSeparatedAdministrator).Distinct()];
}
