using System.Security.Cryptography;
using System.Text;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Identity.Demo;

/// <summary>A demo account: one per role, seeded only in demo mode.</summary>
/// <param name="Role">Its one role (see <see cref="PlatformRoles"/>).</param>
/// <param name="UserName">User name.</param>
/// <param name="DisplayName">Shown name (a role label, never a person's name).</param>
/// <param name="OrganizationCode">The organization by code (the program's own organizations), or null.</param>
/// <param name="OrganizationName">The organization by name (a demo provider or employer), or null.</param>
/// <param name="OrganizationType">The organization's type.</param>
public sealed record DemoAccount(
    string Role,
    string UserName,
    string DisplayName,
    string? OrganizationCode,
    string? OrganizationName,
    OrganizationType OrganizationType)
{
    /// <summary>Whether the account signs in with a TOTP code as well (administrators and program-office accounts).</summary>
    public bool RequiresTwoFactor => RoleCatalog.RequiresTwoFactor([Role], OrganizationType);

    /// <summary>Its fixed authenticator key (base32), when it uses two factors; the same in every demo database.</summary>
    public string? AuthenticatorKey => RequiresTwoFactor ? DemoAccounts.AuthenticatorKeyFor(UserName) : null;

    /// <summary>The role's Chinese name.</summary>
    public string RoleDisplayName => RoleCatalog.Find(Role)?.DisplayName ?? Role;
}

/// <summary>
/// The demo accounts: one per role, all with <see cref="Password"/>; accounts whose role needs two factors are
/// enrolled with a fixed authenticator key, so the landing page (demo mode only) can show the current code.
/// Demo mode only — outside it there are no default credentials (the first administrators come from the
/// <c>bootstrap-admin</c> command).
/// </summary>
public static class DemoAccounts
{
    /// <summary>The training provider the demo provider-staff account belongs to (the registry's demo creates it).</summary>
    public const string ProviderOrganization = "济宁医学院";

    /// <summary>The employer the demo HR and professional accounts belong to (the registry's demo creates it).</summary>
    public const string EmployerOrganization = "济宁市第一人民医院";

    /// <summary>The shared demo password (passes the MLPS policy; not on the common-password list).</summary>
    public const string Password = "Jining-Demo-2023!";

    /// <summary>The demo professional's mobile number (sign-in by phone works too).</summary>
    public const string ProfessionalPhone = "13800138000";

    /// <summary>Every demo account, in the order of <see cref="PlatformRoles.All"/>.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new(PlatformRoles.ProgramOfficeAdmin, "demo.program-office", "演示·项目办管理员", ProgramOrganizations.ProgramOfficeCode, null, OrganizationType.ProgramOffice),
        new(PlatformRoles.CountyAdmin, "demo.county-admin", "演示·任城区管理员", ProgramOrganizations.CountyBureauCode("370811"), null, OrganizationType.CountyBureau),
        new(PlatformRoles.DepartmentAdmin, "demo.department-admin", "演示·卫生健康部门管理员", ProgramOrganizations.LineDepartmentCode(Departments.Health), null, OrganizationType.LineDepartment),
        new(PlatformRoles.ProviderStaff, "demo.provider-staff", "演示·施教机构工作人员", null, ProviderOrganization, OrganizationType.TrainingProvider),
        new(PlatformRoles.EmployerHr, "demo.employer-hr", "演示·用人单位人事管理员", null, EmployerOrganization, OrganizationType.Employer),
        new(PlatformRoles.Professional, "demo.professional", "演示·专业技术人员", null, EmployerOrganization, OrganizationType.Employer),
        new(PlatformRoles.SystemAdmin, "demo.system-admin", "演示·系统管理员", ProgramOrganizations.ProgramOfficeCode, null, OrganizationType.ProgramOffice),
        new(PlatformRoles.SecurityAdmin, "demo.security-admin", "演示·安全管理员", ProgramOrganizations.ProgramOfficeCode, null, OrganizationType.ProgramOffice),
        new(PlatformRoles.AuditAdmin, "demo.audit-admin", "演示·审计管理员", ProgramOrganizations.ProgramOfficeCode, null, OrganizationType.ProgramOffice),
    ];

    /// <summary>
    /// The demo professional's resident ID number: a valid GB 11643 number (任城区, born 1988-05-17) made for the
    /// demo; only its keyed hash is stored.
    /// </summary>
    public static string ProfessionalIdNumber { get; } = WithCheckCharacter("37081119880517123");

    /// <summary>
    /// The fixed authenticator key (base32, 160 bits) of a demo account: derived from its user name, so every demo
    /// database enrolls the same key and an authenticator app set up once keeps working.
    /// </summary>
    public static string AuthenticatorKeyFor(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return ToBase32(SHA256.HashData(Encoding.UTF8.GetBytes("KnowledgeRenewal demo authenticator:" + userName))[..20]);
    }

    private static string WithCheckCharacter(string first17) => first17 + ResidentIdNumber.CheckCharacterOf(first17);

    // RFC 4648 base32 without padding (160 bits → 32 characters), as authenticator apps expect.
    private static string ToBase32(byte[] bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
