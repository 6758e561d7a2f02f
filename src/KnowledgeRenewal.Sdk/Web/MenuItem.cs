using System.Security.Claims;

namespace KnowledgeRenewal.Sdk.Web;

/// <summary>
/// One entry of the workbench menu: what a role may do, where. The platform's areas and department modules (through
/// <see cref="ModuleBuilder.AddMenuItem"/>) register theirs; the layout shows only the entries of the caller's roles,
/// grouped. A module's entries exist only while the module is enabled.
/// </summary>
/// <param name="Group">The menu group, e.g. 「学时」「基础库」「项目」 or the module's Chinese name.</param>
/// <param name="Label">The entry, in the person's words.</param>
/// <param name="Href">The page's address.</param>
/// <param name="Order">Position (groups sort by their first entry).</param>
/// <param name="Roles">The roles that see it (any of them, <see cref="PlatformRoles"/>); empty: everyone signed in.</param>
public sealed record MenuItem(string Group, string Label, string Href, int Order, IReadOnlyList<string> Roles)
{
    /// <summary>Whether <paramref name="user"/> sees the entry.</summary>
    public bool IsFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && (Roles.Count == 0 || Roles.Any(user.IsInRole));
    }
}
