using System.Security.Claims;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>
/// One entry of the workbench menu: what a role may do, where. Areas (and department modules, through the SDK's
/// module builder) register theirs; the layout shows only the entries of the caller's roles, grouped.
/// </summary>
/// <param name="Group">The menu group, e.g. 「学时」「基础库」「项目」.</param>
/// <param name="Label">The entry, in the person's words.</param>
/// <param name="Href">The page's address.</param>
/// <param name="Order">Position (groups sort by their first entry).</param>
/// <param name="Roles">The roles that see it (any of them); empty: everyone signed in.</param>
public sealed record MenuItem(string Group, string Label, string Href, int Order, IReadOnlyList<string> Roles)
{
    /// <summary>Whether <paramref name="user"/> sees the entry.</summary>
    public bool IsFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && (Roles.Count == 0 || Roles.Any(user.IsInRole));
    }
}

/// <summary>A group of the menu as the layout renders it.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Items">Its entries, in order.</param>
public sealed record MenuGroup(string Name, IReadOnlyList<MenuItem> Items);

/// <summary>The workbench menu: every registered <see cref="MenuItem"/>, cut to the caller's roles.</summary>
public sealed class PlatformMenu(IEnumerable<MenuItem> items)
{
    private readonly MenuItem[] all = [.. items.OrderBy(i => i.Order).ThenBy(i => i.Label, StringComparer.Ordinal)];

    /// <summary>The groups and entries <paramref name="user"/> sees (empty when signed out).</summary>
    public IReadOnlyList<MenuGroup> For(ClaimsPrincipal user) =>
        [.. all.Where(i => i.IsFor(user)).GroupBy(i => i.Group).Select(g => new MenuGroup(g.Key, [.. g]))];

    /// <summary>Whether <paramref name="user"/> may open <paramref name="href"/> according to the menu (a page may still refuse).</summary>
    public bool Offers(ClaimsPrincipal user, string href) => all.Any(i => i.Href == href && i.IsFor(user));
}

/// <summary>Registers menu entries and workbench sections.</summary>
public static class WorkbenchRegistration
{
    /// <summary>Adds a menu entry.</summary>
    public static IServiceCollection AddMenuItem(this IServiceCollection services, string group, string label, string href, int order, params string[] roles) =>
        services.AddSingleton(new MenuItem(group, label, href, order, roles));

    /// <summary>Adds a section of the workbench (工作台).</summary>
    public static IServiceCollection AddWorkbenchSection<TSection>(this IServiceCollection services)
        where TSection : class, IWorkbenchSection =>
        services.AddScoped<IWorkbenchSection, TSection>();
}
