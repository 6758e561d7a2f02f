using System.Text.RegularExpressions;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// The rules every account change follows: user-name format, role–organization fit, the three-role separation of
/// administrators (no account holds two of the system, security and audit administrator roles, nor one of them with
/// any other role, nor a business permission), who grants which role (a security administrator every role, but not
/// to their own account; the bootstrap command only the first holder of a separated administrator role).
/// </summary>
public static partial class AccountRules
{
    /// <summary>User names: 3–64 characters, a letter first, then letters, digits, '.', '-' or '_' (never a phone or ID number).</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{2,63}$")]
    public static partial Regex UserNamePattern();

    /// <summary>Refuses (400) roles that an account of <paramref name="organizationType"/> cannot hold, with the Chinese reasons.</summary>
    public static void EnsureRolesFit(IReadOnlyCollection<string> roles, OrganizationType organizationType)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var problems = RoleCatalog.Check(roles, organizationType);
        if (problems.Count == 0)
        {
            return;
        }

        var separation = RoleCatalog.BreaksSeparation(roles);
        var code = separation ? AccountProblemCodes.RolesSeparation : AccountProblemCodes.RolesOrganizationMismatch;
        throw new PlatformException(
            code,
            400,
            separation ? "角色分配违反三员分立要求" : "角色与所属单位不符",
            string.Join(" ", problems),
            [.. problems.Select(p => new FieldError("roles", code, p))]);
    }

    /// <summary>
    /// Refuses (400) business permissions for an account holding <paramref name="roles"/> when one of them is a
    /// separated administrator role: system, security and audit administrators never touch business data.
    /// Revoking (an empty list) is always allowed.
    /// </summary>
    public static void EnsurePermissionsFit(IEnumerable<string> roles, IReadOnlyCollection<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(permissions);
        if (permissions.Count > 0 && roles.Any(RoleCatalog.IsSeparatedAdministrator))
        {
            throw new PlatformException(
                AccountProblemCodes.PermissionsSeparation,
                400,
                "权限分配违反三员分立要求",
                "系统管理员、安全管理员和审计管理员不接触业务数据，不能授予查看原始个人信息等业务权限。",
                [new FieldError("permissions", AccountProblemCodes.PermissionsSeparation, "三员账号不能授予业务权限。")]);
        }
    }

    /// <summary>Refuses (403) a security administrator's change of their own account (<paramref name="callerId"/>: the caller's account, if any).</summary>
    public static void EnsureNotSelf(Guid? callerId, Guid accountId)
    {
        if (callerId == accountId)
        {
            throw new PlatformException(
                AccountProblemCodes.SelfChange,
                403,
                "不能管理自己的账号",
                "安全管理员不能修改自己账号的角色、状态、密码或双因素认证，请由另一名安全管理员操作（修改本人密码请使用个人账号页面）。");
        }
    }

    /// <summary>
    /// Whether the bootstrap command may create the first account of <paramref name="role"/>: only the three
    /// separated administrator roles (every other account is created by a security administrator).
    /// </summary>
    public static bool IsBootstrapRole(string role) => RoleCatalog.IsSeparatedAdministrator(role);

    /// <summary>Turns a refused Identity operation into a 400 problem with Chinese messages (409 for a taken user name).</summary>
    public static void Check(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
        {
            throw UserNameTaken();
        }

        throw new PlatformException(
            AccountProblemCodes.IdentityRefused,
            400,
            "账号操作未能完成",
            string.Join(" ", result.Errors.Select(e => e.Description)),
            [.. result.Errors.Select(e => new FieldError(e.Code.StartsWith("password.", StringComparison.Ordinal) ? "password" : "account", e.Code, e.Description))]);
    }

    /// <summary>409: the user name is taken.</summary>
    public static PlatformException UserNameTaken() =>
        new(AccountProblemCodes.UserNameTaken, 409, "数据冲突", "该用户名已被其他账号使用，请换一个。");

    /// <summary>409: another account has the ID number.</summary>
    public static PlatformException IdNumberTaken() =>
        new(AccountProblemCodes.IdNumberTaken, 409, "数据冲突", "该身份证号已绑定其他账号，同一人只能绑定一个账号。");

    /// <summary>409: the integrator client id is taken.</summary>
    public static PlatformException ClientIdTaken(string clientId) =>
        new(AccountProblemCodes.ClientIdTaken, 409, "数据冲突", $"客户端标识“{clientId}”已被使用，请换一个。");
}
