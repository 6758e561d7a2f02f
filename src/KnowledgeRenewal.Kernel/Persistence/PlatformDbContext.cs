using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>
/// The platform's one database. Each business area adds its tables, mappings and query filters through an
/// <see cref="IPlatformModelPart"/>; the context itself knows no area. Its model does not depend on the caller or on
/// which modules are enabled (one set of migrations serves every deployment). Instead two named query filters run in
/// every query — REST, OData, <c>$expand</c>, <c>$apply</c>, <c>$batch</c> alike: <see cref="EnabledModulesFilter"/>
/// hides disabled modules' rows, <see cref="AccessScopeFilter"/> hides rows outside the caller's
/// <see cref="AccessScope"/>. The areas write their filters against the scope parameters below
/// (<see cref="PlatformModelBuilder.Filter{TEntity}"/>).
/// </summary>
public sealed class PlatformDbContext : IdentityDbContext<PlatformUser, PlatformRole, Guid>
{
    /// <summary>Name of the query filter that hides disabled modules' rows.</summary>
    public const string EnabledModulesFilter = "EnabledModules";

    /// <summary>Name of the query filter that hides rows outside the caller's scope.</summary>
    public const string AccessScopeFilter = "AccessScope";

    private readonly ICurrentAccess access;
    private readonly PlatformModel model;

    /// <summary>Creates the context for the running platform's enabled modules, the current caller and the areas' model.</summary>
    public PlatformDbContext(DbContextOptions<PlatformDbContext> options, ModuleRegistry modules, ICurrentAccess access, PlatformModel model)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(modules);
        EnabledModuleKeys = [.. modules.EnabledKeys];
        this.access = access;
        this.model = model;
    }

    /// <summary>Regions of the program (the kernel's reference data).</summary>
    public DbSet<Region> Regions => Set<Region>();

    /// <summary>Line departments.</summary>
    public DbSet<Department> Departments => Set<Department>();

    /// <summary>Demo seeders that have run.</summary>
    public DbSet<DemoSeedRun> DemoSeedRuns => Set<DemoSeedRun>();

    /// <summary>Keys of the enabled modules; parameter of <see cref="EnabledModulesFilter"/>.</summary>
    public string[] EnabledModuleKeys { get; }

    /// <summary>The caller's scope (parameters of <see cref="AccessScopeFilter"/> are read from it when a query runs).</summary>
    public AccessScope Scope => access.Scope;

    /// <summary>Scope parameter: the caller sees all business data (program office, the platform itself).</summary>
    public bool ScopeAll => Scope.AllBusinessData;

    /// <summary>Scope parameter: the caller's regions.</summary>
    public string[] ScopeRegions => [.. Scope.RegionCodes];

    /// <summary>Scope parameter: the caller's sectors.</summary>
    public string[] ScopeDepartments => [.. Scope.DepartmentCodes];

    /// <summary>Scope parameter: the caller's organizations.</summary>
    public Guid[] ScopeOrganizations => [.. Scope.OrganizationIds];

    /// <summary>Scope parameter: the caller's account (empty when none).</summary>
    public Guid ScopeUser => Scope.UserId ?? Guid.Empty;

    /// <summary>Scope parameter: the caller manages accounts (security administrators).</summary>
    public bool ScopeAccounts => Scope.ManagesAccounts;

    /// <summary>Scope parameter: the caller reads the audit log (audit administrators).</summary>
    public bool ScopeAudit => Scope.ReadsAudit;

    /// <summary>Scope parameter: the caller is a client granted the organizations feed.</summary>
    public bool ScopeOrganizationFeed => Scope.Feeds.Contains(FeedScopes.Organizations);

    /// <summary>Scope parameter: the caller's own organization (empty when none).</summary>
    public Guid ScopeHomeOrganization => access.OrganizationId ?? Guid.Empty;

    /// <summary>Scope parameter: the caller is a client granted the registry feed.</summary>
    public bool ScopeRegistryFeed => Scope.Feeds.Contains(FeedScopes.Registry);

    /// <summary>Scope parameter: the caller is a client granted the credits feed.</summary>
    public bool ScopeCreditFeed => Scope.Feeds.Contains(FeedScopes.Credits);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var platform = new PlatformModelBuilder(builder, this, Database.ProviderName);
        foreach (var part in model.Parts)
        {
            part.Build(platform);
        }

        // Delta links read the rows changed after a change number (ADR 0023).
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(Changes.IChangeTracked).IsAssignableFrom(e.ClrType)).ToList())
        {
            builder.Entity(entity.ClrType).HasIndex(nameof(Changes.IChangeTracked.ChangeVersion));
        }
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<CreditHours>().HaveConversion<CreditHoursConverter>();
        foreach (var part in model.Parts)
        {
            part.ConfigureConventions(configurationBuilder);
        }
    }
}
