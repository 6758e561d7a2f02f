using KnowledgeRenewal.Sdk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Sdk;

/// <summary>What a module gets to register its services with.</summary>
public sealed class ModuleBuilder
{
    /// <summary>Creates the builder the platform hands to <see cref="DepartmentModule.ConfigureServices"/>.</summary>
    public ModuleBuilder(ModuleManifest manifest, IServiceCollection services, IConfiguration configuration)
    {
        Manifest = manifest;
        Services = services;
        Configuration = configuration;
    }

    /// <summary>The module being configured.</summary>
    public ModuleManifest Manifest { get; }

    /// <summary>The platform's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The module's own configuration section, <c>Modules:{key}</c>.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>
    /// Registers the module's database context. The platform configures the provider, puts the tables under
    /// the <c>{key}_</c> prefix, keeps a migrations history of the module's own and applies the module's
    /// migrations for the active provider (folders <c>Migrations/Sqlite</c>, <c>Migrations/PostgreSql</c>,
    /// <c>Migrations/SqlServer</c> in the module assembly).
    /// </summary>
    public ModuleBuilder AddDbContext<TContext>()
        where TContext : DbContext
    {
        Services.AddDbContext<TContext>((provider, options) =>
            provider.GetRequiredService<IModuleDatabase>().Configure(options, Manifest, typeof(TContext)));
        Services.AddSingleton(new ModuleDbContextRegistration(Manifest.Key, typeof(TContext)));
        return this;
    }

    /// <summary>
    /// Adds an entry to the workbench menu for the module's own pages (Razor pages in the module's assembly: make the
    /// project a Razor class library; see modules/README.md). The entry and the pages exist only while the module is
    /// enabled.
    /// </summary>
    /// <param name="label">The entry, in the person's words.</param>
    /// <param name="href">The page's address (the module's pages live under <c>/modules/{key}/…</c>).</param>
    /// <param name="roles">The roles that see it (<see cref="PlatformRoles"/>); none: every business role (a module's pages
    /// are open to business roles only, never to the separated administrators).</param>
    public ModuleBuilder AddMenuItem(string label, string href, params string[] roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(href);
        Services.AddSingleton(new Web.MenuItem(Manifest.NameZh, label, href, ModuleMenuOrder, roles.Length == 0 ? PlatformRoles.Business : roles));
        return this;
    }

    // Modules' entries come after the platform's own groups.
    private const int ModuleMenuOrder = 900;
}
