using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Identity.Pages.Admin;

/// <summary>
/// What the security administrator's pages share: the same policy as <c>/api/admin/*</c>, the Chinese names of
/// roles, organization types, permissions and feed scopes, and the one-time secrets carried once over a redirect.
/// </summary>
[Authorize(Policy = PlatformPolicies.SecurityAdministration)]
internal abstract class SecurityPageModel : PlatformPageModel
{
    /// <summary>Key of a one-time password or client secret carried over a redirect (read once, then gone).</summary>
    protected const string SecretKey = "kr.secret";

    /// <summary>The Chinese name of a role.</summary>
    public static string RoleName(string role) => RoleCatalog.Find(role)?.DisplayName ?? role;

    /// <summary>The Chinese names of roles, joined.</summary>
    public static string RoleNames(IEnumerable<string> roles) => string.Join("、", roles.Select(RoleName));

    /// <summary>The Chinese name of an organization type.</summary>
    public static string OrganizationTypeName(OrganizationType type) => RoleCatalog.OrganizationTypeName(type);

    /// <summary>The Chinese name of an individual permission.</summary>
    public static string PermissionName(string permission) => permission switch
    {
        PlatformPermissions.UnmaskPersonalData => "查看未脱敏的个人信息（须说明用途，每次查看都记入审计日志）",
        _ => permission,
    };

    /// <summary>What a feed scope gives an integrator client, in words (every scope is read-only).</summary>
    public static string ScopeName(string scope) => scope switch
    {
        FeedScopes.Catalog => "基础目录（行业、区域、模块、科目、学时规则）",
        FeedScopes.Organizations => "单位库（项目办、人社部门、主管部门、施教机构、用人单位）",
        FeedScopes.Registry => "专业技术人员库（个人信息脱敏，不含身份证号）",
        FeedScopes.Credits => "学时记录、达标情况和学时证明（个人信息脱敏）",
        _ => scope,
    };

    /// <summary>Keeps a secret for the next page only (it is read once there and never shown again).</summary>
    protected void KeepSecretForNextPage(string owner, string secret) => TempData[SecretKey] = owner + "\n" + secret;

    /// <summary>The secret kept for <paramref name="owner"/> by the previous request, read once (null on any later load).</summary>
    protected string? TakeSecret(string owner)
    {
        if (TempData[SecretKey] is not string kept)
        {
            return null;
        }

        var parts = kept.Split('\n', 2);
        if (parts.Length != 2 || parts[0] != owner)
        {
            return null;
        }

        // The page with a secret is never stored by the browser or a proxy, so "back" or a reload cannot show it again.
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return parts[1];
    }
}
