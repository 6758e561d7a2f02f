using KnowledgeRenewal.Core.Catalog;
using KnowledgeRenewal.Core.Modules;
using KnowledgeRenewal.Core.ReferenceData;
using KnowledgeRenewal.Data.Seeding;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Data;

/// <summary>
/// The platform's database. Its model does not depend on which modules are enabled (so one set of migrations
/// serves every deployment); instead the named query filter <see cref="EnabledModulesFilter"/> hides rows of
/// disabled modules from every query — REST, OData, <c>$expand</c> and <c>$apply</c> alike — without deleting them.
/// </summary>
public sealed class PlatformDbContext : DbContext
{
    /// <summary>Name of the query filter that hides disabled modules' rows.</summary>
    public const string EnabledModulesFilter = "EnabledModules";

    /// <summary>Creates the context for the running platform's enabled modules.</summary>
    public PlatformDbContext(DbContextOptions<PlatformDbContext> options, ModuleRegistry modules)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(modules);
        EnabledModuleKeys = [.. modules.EnabledKeys];
    }

    /// <summary>Regions of the base registry.</summary>
    public DbSet<Region> Regions => Set<Region>();

    /// <summary>Line departments.</summary>
    public DbSet<Department> Departments => Set<Department>();

    /// <summary>Public and professional subjects.</summary>
    public DbSet<Subject> Subjects => Set<Subject>();

    /// <summary>Modules this database has seen.</summary>
    public DbSet<InstalledModule> Modules => Set<InstalledModule>();

    /// <summary>Demo seeders that have run.</summary>
    public DbSet<DemoSeedRun> DemoSeedRuns => Set<DemoSeedRun>();

    /// <summary>Keys of the enabled modules; parameter of <see cref="EnabledModulesFilter"/>.</summary>
    internal string[] EnabledModuleKeys { get; }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        modelBuilder.Entity<Subject>().HasQueryFilter(
            EnabledModulesFilter, s => s.ModuleKey == null || EnabledModuleKeys.Contains(s.ModuleKey));
        modelBuilder.Entity<InstalledModule>().HasQueryFilter(
            EnabledModulesFilter, m => EnabledModuleKeys.Contains(m.Key));
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<CreditHours>().HaveConversion<CreditHoursConverter>();
        configurationBuilder.Properties<CreditCategory>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SubjectStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RegionKind>().HaveConversion<string>().HaveMaxLength(24);
    }
}
