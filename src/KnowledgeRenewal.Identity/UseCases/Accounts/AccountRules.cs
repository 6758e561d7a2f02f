using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;

using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Web;
namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>Stable problem codes of account and client administration.</summary>
public static class AccountProblemCodes
{
    /// <summary>The roles break the three-role separation (system, security and audit administrators).</summary>
    public const string RolesSeparation = "roles.separation";

    /// <summary>A role cannot be held by an account of the organization's type.</summary>
    public const string RolesOrganizationMismatch = "roles.organization_mismatch";

    /// <summary>A business permission was to be granted to a system, security or audit administrator.</summary>
    public const string PermissionsSeparation = "permissions.separation";

    /// <summary>A security administrator tried to change their own account.</summary>
    public const string SelfChange = "account.self_change";

    /// <summary>The user name is taken.</summary>
    public const string UserNameTaken = "account.user_name_taken";

    /// <summary>Another account has the resident ID number.</summary>
    public const string IdNumberTaken = "account.id_number_taken";

    /// <summary>Identity refused the change (e.g. the password policy).</summary>
    public const string IdentityRefused = "account.refused";

    /// <summary>The client id is taken.</summary>
    public const string ClientIdTaken = "client.id_taken";
}

/// <summary>The rules every account change follows: user-name format, role–organization fit, three-role separation, no self-administration.</summary>
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

        var separated = roles.Count(r => PlatformRoles.SeparatedAdministrators.Contains(r));
        var separation = separated > 1 || (separated == 1 && roles.Count > 1);
        var code = separation ? AccountProblemCodes.RolesSeparation : AccountProblemCodes.RolesOrganizationMismatch;
        throw new PlatformException(
            code,
            StatusCodes.Status400BadRequest,
            separation ? "角色分配违反三员分立要求" : "角色与所属单位不符",
            string.Join(" ", problems),
            [.. problems.Select(p => new FieldError("roles", code, p))]);
    }

    /// <summary>Refuses (403) a security administrator's change of their own account.</summary>
    public static void EnsureNotSelf(ICurrentAccess access, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.UserId == accountId)
        {
            throw new PlatformException(
                AccountProblemCodes.SelfChange,
                StatusCodes.Status403Forbidden,
                "不能管理自己的账号",
                "安全管理员不能修改自己账号的角色、状态、密码或双因素认证，请由另一名安全管理员操作（修改本人密码请使用个人账号页面）。");
        }
    }

    /// <summary>Turns a refused Identity operation into a 400 problem with Chinese messages.</summary>
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
            StatusCodes.Status400BadRequest,
            "账号操作未能完成",
            string.Join(" ", result.Errors.Select(e => e.Description)),
            [.. result.Errors.Select(e => new FieldError(e.Code.StartsWith("password.", StringComparison.Ordinal) ? "password" : "account", e.Code, e.Description))]);
    }

    /// <summary>409: the user name is taken.</summary>
    public static PlatformException UserNameTaken() =>
        new(AccountProblemCodes.UserNameTaken, StatusCodes.Status409Conflict, "数据冲突", "该用户名已被其他账号使用，请换一个。");

    /// <summary>409: another account has the ID number.</summary>
    public static PlatformException IdNumberTaken() =>
        new(AccountProblemCodes.IdNumberTaken, StatusCodes.Status409Conflict, "数据冲突", "该身份证号已绑定其他账号，同一人只能绑定一个账号。");
}
