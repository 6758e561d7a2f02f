using System.Security.Claims;
using KnowledgeRenewal.Sdk.Web;

namespace KnowledgeRenewal.Kernel.Web.Ui;

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
