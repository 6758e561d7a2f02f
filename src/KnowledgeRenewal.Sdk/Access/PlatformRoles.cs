namespace KnowledgeRenewal.Sdk;

/// <summary>
/// The platform's roles. A person's account holds roles; what they may see follows from the role and the
/// account's organization (see <see cref="AccessScope"/>). The three administrator roles are separated: no
/// account holds two of them (MLPS 2.0 three-role separation).
/// </summary>
public static class PlatformRoles
{
    /// <summary>项目办管理员 — the program office (city bureau): all business data.</summary>
    public const string ProgramOfficeAdmin = "program-office-admin";

    /// <summary>县（市、区）管理员 — a county bureau: its own region.</summary>
    public const string CountyAdmin = "county-admin";

    /// <summary>行业主管部门管理员 — a line department: its own sector.</summary>
    public const string DepartmentAdmin = "department-admin";

    /// <summary>施教机构工作人员 — a training provider or base: its own classes and trainees.</summary>
    public const string ProviderStaff = "provider-staff";

    /// <summary>用人单位人事管理员 — an employer's HR: its own staff.</summary>
    public const string EmployerHr = "employer-hr";

    /// <summary>专业技术人员 — a professional: their own record.</summary>
    public const string Professional = "professional";

    /// <summary>系统管理员 — runs the platform (modules, operations); no business data, no audit records.</summary>
    public const string SystemAdmin = "system-admin";

    /// <summary>安全管理员 — accounts, roles and policies; no business data, no audit records.</summary>
    public const string SecurityAdmin = "security-admin";

    /// <summary>审计管理员 — reads and analyses the audit log only.</summary>
    public const string AuditAdmin = "audit-admin";

    /// <summary>The three separated administrator roles.</summary>
    public static IReadOnlyList<string> SeparatedAdministrators { get; } = [SystemAdmin, SecurityAdmin, AuditAdmin];

    /// <summary>The business roles (everyone but the separated administrators).</summary>
    public static IReadOnlyList<string> Business { get; } = [ProgramOfficeAdmin, CountyAdmin, DepartmentAdmin, ProviderStaff, EmployerHr, Professional];

    /// <summary>Every role, business roles first.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ProgramOfficeAdmin, CountyAdmin, DepartmentAdmin, ProviderStaff, EmployerHr, Professional, SystemAdmin, SecurityAdmin, AuditAdmin];
}
