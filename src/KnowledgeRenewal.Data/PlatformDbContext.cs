using KnowledgeRenewal.Core.Audit;
using KnowledgeRenewal.Core.Catalog;
using KnowledgeRenewal.Core.Identity;
using KnowledgeRenewal.Core.Modules;
using KnowledgeRenewal.Core.Organizations;
using KnowledgeRenewal.Core.ReferenceData;
using KnowledgeRenewal.Core.Registry;
using KnowledgeRenewal.Core.Registry.Import;
using KnowledgeRenewal.Data.Seeding;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Data;

/// <summary>
/// The platform's database: reference data, catalogs, organizations, accounts (ASP.NET Core Identity), OAuth
/// applications and tokens (OpenIddict) and the audit log. Its model does not depend on the caller or on which
/// modules are enabled (one set of migrations serves every deployment). Instead two named query filters run in
/// every query — REST, OData, <c>$expand</c>, <c>$apply</c>, <c>$batch</c> alike:
/// <see cref="EnabledModulesFilter"/> hides disabled modules' rows, <see cref="AccessScopeFilter"/> hides rows
/// outside the caller's <see cref="AccessScope"/>.
/// </summary>
public sealed class PlatformDbContext : IdentityDbContext<PlatformUser, PlatformRole, Guid>
{
    /// <summary>Name of the query filter that hides disabled modules' rows.</summary>
    public const string EnabledModulesFilter = "EnabledModules";

    /// <summary>Name of the query filter that hides rows outside the caller's scope.</summary>
    public const string AccessScopeFilter = "AccessScope";

    private readonly ICurrentAccess access;

    /// <summary>Creates the context for the running platform's enabled modules and the current caller.</summary>
    public PlatformDbContext(DbContextOptions<PlatformDbContext> options, ModuleRegistry modules, ICurrentAccess access)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(modules);
        EnabledModuleKeys = [.. modules.EnabledKeys];
        this.access = access;
    }

    /// <summary>Regions of the base registry.</summary>
    public DbSet<Region> Regions => Set<Region>();

    /// <summary>Line departments.</summary>
    public DbSet<Department> Departments => Set<Department>();

    /// <summary>Public and professional subjects.</summary>
    public DbSet<Subject> Subjects => Set<Subject>();

    /// <summary>Modules this database has seen.</summary>
    public DbSet<InstalledModule> Modules => Set<InstalledModule>();

    /// <summary>The organization tree.</summary>
    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>Employers (organizations with a credit code).</summary>
    public DbSet<Employer> Employers => Set<Employer>();

    /// <summary>Training providers.</summary>
    public DbSet<TrainingProvider> TrainingProviders => Set<TrainingProvider>();

    /// <summary>Continuing-education base designations.</summary>
    public DbSet<EducationBase> EducationBases => Set<EducationBase>();

    /// <summary>Professionals of the registry.</summary>
    public DbSet<Professional> Professionals => Set<Professional>();

    /// <summary>Employment history.</summary>
    public DbSet<Employment> Employments => Set<Employment>();

    /// <summary>Bulk imports of the registry (professionals, employers).</summary>
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    /// <summary>The audit log (read it; records are written only by the audit trail).</summary>
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    /// <summary>The audit chain's head.</summary>
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    /// <summary>The settings of the previous start (to audit configuration changes).</summary>
    public DbSet<ConfigurationSetting> ConfigurationSettings => Set<ConfigurationSetting>();

    /// <summary>Demo seeders that have run.</summary>
    public DbSet<DemoSeedRun> DemoSeedRuns => Set<DemoSeedRun>();

    /// <summary>Keys of the enabled modules; parameter of <see cref="EnabledModulesFilter"/>.</summary>
    internal string[] EnabledModuleKeys { get; }

    // Parameters of the access-scope filter, read from the caller when a query runs.
    internal AccessScope Scope => access.Scope;

    internal bool ScopeAll => Scope.AllBusinessData;

    internal string[] ScopeRegions => [.. Scope.RegionCodes];

    internal string[] ScopeDepartments => [.. Scope.DepartmentCodes];

    internal Guid[] ScopeOrganizations => [.. Scope.OrganizationIds];

    internal Guid ScopeUser => Scope.UserId ?? Guid.Empty;

    internal bool ScopeAccounts => Scope.ManagesAccounts;

    internal bool ScopeAudit => Scope.ReadsAudit;

    internal bool ScopeOrganizationFeed => Scope.Feeds.Contains(FeedScopes.Organizations);

    internal Guid ScopeHomeOrganization => access.OrganizationId ?? Guid.Empty;

    internal bool ScopeRegistryFeed => Scope.Feeds.Contains(FeedScopes.Registry);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        builder.UseOpenIddict<Guid>();
        NameIdentityTables(builder);

        builder.Entity<Subject>().HasQueryFilter(
            EnabledModulesFilter, s => s.ModuleKey == null || EnabledModuleKeys.Contains(s.ModuleKey));
        builder.Entity<InstalledModule>().HasQueryFilter(
            EnabledModulesFilter, m => EnabledModuleKeys.Contains(m.Key));

        // Organizations: the whole registry for the program office, security admins (accounts need it) and clients
        // granted the organizations feed; a county its region, a department its sector, a provider or employer
        // itself; everyone their own organization.
        builder.Entity<Organization>().HasQueryFilter(
            AccessScopeFilter,
            o => ScopeAll || ScopeAccounts || ScopeOrganizationFeed || o.Id == ScopeHomeOrganization
                || ScopeRegions.Contains(o.RegionCode)
                || (o.DepartmentCode != null && ScopeDepartments.Contains(o.DepartmentCode))
                || ScopeOrganizations.Contains(o.Id));

        // Professionals (and their employment history): the program office and clients granted the registry feed
        // all; a county its region; a department its sector; an employer its staff; a person themselves.
        builder.Entity<Professional>().HasQueryFilter(
            AccessScopeFilter,
            p => ScopeAll || ScopeRegistryFeed
                || ScopeRegions.Contains(p.RegionCode)
                || ScopeDepartments.Contains(p.DepartmentCode)
                || ScopeOrganizations.Contains(p.EmployerId)
                || (p.UserId != null && p.UserId == ScopeUser));
        builder.Entity<Employment>().HasQueryFilter(
            AccessScopeFilter,
            e => ScopeAll || ScopeRegistryFeed
                || ScopeRegions.Contains(e.Professional!.RegionCode)
                || ScopeDepartments.Contains(e.Professional!.DepartmentCode)
                || ScopeOrganizations.Contains(e.Professional!.EmployerId)
                || (e.Professional!.UserId != null && e.Professional!.UserId == ScopeUser));

        // Base designations: as their organization.
        builder.Entity<EducationBase>().HasQueryFilter(
            AccessScopeFilter,
            b => ScopeAll || ScopeAccounts || ScopeOrganizationFeed || b.OrganizationId == ScopeHomeOrganization
                || ScopeRegions.Contains(b.Organization!.RegionCode)
                || (b.Organization!.DepartmentCode != null && ScopeDepartments.Contains(b.Organization!.DepartmentCode))
                || ScopeOrganizations.Contains(b.OrganizationId));

        // Import jobs: their requester and the program office.
        builder.Entity<ImportJob>().HasQueryFilter(AccessScopeFilter, j => ScopeAll || (j.RequestedByUserId != null && j.RequestedByUserId == ScopeUser));

        // Accounts: security admins see all; everyone else only their own.
        builder.Entity<PlatformUser>().HasQueryFilter(AccessScopeFilter, u => ScopeAccounts || u.Id == ScopeUser);

        // The audit log: audit admins only.
        builder.Entity<AuditRecord>().HasQueryFilter(AccessScopeFilter, _ => ScopeAudit);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<CreditHours>().HaveConversion<CreditHoursConverter>();
        configurationBuilder.Properties<CreditCategory>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SubjectStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RegionKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<OrganizationType>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<AuditOutcome>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Gender>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<TitleLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<EducationLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ProfessionalStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Ownership>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ProviderKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<BaseLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<BaseStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    private static void NameIdentityTables(ModelBuilder builder)
    {
        builder.Entity<PlatformUser>().ToTable("Users");
        builder.Entity<PlatformRole>().ToTable("Roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("UserRoles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("UserTokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("RoleClaims");
    }
}
