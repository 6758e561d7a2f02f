using System.Linq.Expressions;
using KnowledgeRenewal.Core.Audit;
using KnowledgeRenewal.Core.Catalog;
using KnowledgeRenewal.Core.Certificates;
using KnowledgeRenewal.Core.Compliance;
using KnowledgeRenewal.Core.Declarations;
using KnowledgeRenewal.Core.DigitalEngineers;
using KnowledgeRenewal.Core.Identity;
using KnowledgeRenewal.Core.Ledger;
using KnowledgeRenewal.Core.Modules;
using KnowledgeRenewal.Core.Organizations;
using KnowledgeRenewal.Core.Plans;
using KnowledgeRenewal.Core.Projects;
using KnowledgeRenewal.Core.ReferenceData;
using KnowledgeRenewal.Core.Registry;
using KnowledgeRenewal.Core.Registry.Import;
using KnowledgeRenewal.Data.Seeding;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    /// <summary>The credit-hour ledger (append-only: approved records are revoked, never changed).</summary>
    public DbSet<CreditRecord> CreditRecords => Set<CreditRecord>();

    /// <summary>Classes of training providers (their rosters become credit records).</summary>
    public DbSet<TrainingClass> TrainingClasses => Set<TrainingClass>();

    /// <summary>Self-declared activities under review.</summary>
    public DbSet<ActivityDeclaration> ActivityDeclarations => Set<ActivityDeclaration>();

    /// <summary>Evidence files of declarations.</summary>
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    /// <summary>Compliance per person and cycle, as last computed.</summary>
    public DbSet<CycleCompliance> Compliance => Set<CycleCompliance>();

    /// <summary>Issued credit-hour certificates (every version).</summary>
    public DbSet<CreditCertificate> CreditCertificates => Set<CreditCertificate>();

    /// <summary>The log of public certificate verifications.</summary>
    public DbSet<CertificateVerification> CertificateVerifications => Set<CertificateVerification>();

    /// <summary>The catalog of digital-technology-engineer training and evaluation institutions.</summary>
    public DbSet<DigitalInstitution> DigitalInstitutions => Set<DigitalInstitution>();

    /// <summary>Digital-technology-engineer training records.</summary>
    public DbSet<DigitalTraining> DigitalTrainings => Set<DigitalTraining>();

    /// <summary>Digital-technology-engineer evaluation results.</summary>
    public DbSet<DigitalEvaluation> DigitalEvaluations => Set<DigitalEvaluation>();

    /// <summary>Training-qualified and professional technical level certificates.</summary>
    public DbSet<DigitalCertificate> DigitalCertificates => Set<DigitalCertificate>();

    /// <summary>Vocational-training subsidy claims.</summary>
    public DbSet<SubsidyClaim> SubsidyClaims => Set<SubsidyClaim>();

    /// <summary>Program projects (the four types of the seed).</summary>
    public DbSet<Project> Projects => Set<Project>();

    /// <summary>The projects' workflow history (申报历史).</summary>
    public DbSet<ProjectTransition> ProjectTransitions => Set<ProjectTransition>();

    /// <summary>Expert reviews of projects.</summary>
    public DbSet<ProjectReview> ProjectReviews => Set<ProjectReview>();

    /// <summary>Objections filed against projects in public notice.</summary>
    public DbSet<ProjectObjection> ProjectObjections => Set<ProjectObjection>();

    /// <summary>The audit log (read it; records are written only by the audit trail).</summary>
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    /// <summary>The audit chain's head.</summary>
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    /// <summary>The settings of the previous start (to audit configuration changes).</summary>
    public DbSet<ConfigurationSetting> ConfigurationSettings => Set<ConfigurationSetting>();

    /// <summary>Demo seeders that have run.</summary>
    public DbSet<DemoSeedRun> DemoSeedRuns => Set<DemoSeedRun>();

    /// <summary>The program office's yearly plans (city-level targets, no personal data: not scoped).</summary>
    public DbSet<AnnualPlan> AnnualPlans => Set<AnnualPlan>();

    /// <summary>The targets of the yearly plans.</summary>
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();

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

    internal bool ScopeCreditFeed => Scope.Feeds.Contains(FeedScopes.Credits);

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
        // A provider sees the people on its rosters.
        builder.Entity<Professional>().HasQueryFilter(
            AccessScopeFilter,
            p => ScopeAll || ScopeRegistryFeed
                || ScopeRegions.Contains(p.RegionCode)
                || ScopeDepartments.Contains(p.DepartmentCode)
                || ScopeOrganizations.Contains(p.EmployerId)
                || (p.UserId != null && p.UserId == ScopeUser)
                || Set<ProviderTrainee>().Any(t => t.ProfessionalId == p.Id && ScopeOrganizations.Contains(t.ProviderId)));
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

        ApplyCreditScopes(builder);
        ApplyProjectScopes(builder);

        // Accounts: security admins see all; everyone else only their own.
        builder.Entity<PlatformUser>().HasQueryFilter(AccessScopeFilter, u => ScopeAccounts || u.Id == ScopeUser);

        // The audit log: audit admins only.
        builder.Entity<AuditRecord>().HasQueryFilter(AccessScopeFilter, _ => ScopeAudit);

        // Owners of people, read without the professionals' own filter (see ApplyCreditScopes).
        builder.Entity<ProfessionalOwner>().HasNoKey().ToSqlQuery(
            "SELECT \"Id\", \"RegionCode\", \"DepartmentCode\", \"EmployerId\", \"UserId\" FROM \"Professionals\"");
        builder.Entity<ProviderTrainee>().HasNoKey().ToSqlQuery(
            "SELECT \"ProfessionalId\", \"ProviderId\" FROM \"CreditRecords\" WHERE \"ProviderId\" IS NOT NULL");

        MirrorHours(builder.Entity<CreditRecord>().Property(r => r.HoursDecimal), "Hours", "HoursHundredths");
        MirrorHours(builder.Entity<CycleCompliance>().Property(c => c.CountedDecimal), "CountedHours", "CountedHundredths");
        MirrorHours(builder.Entity<CycleCompliance>().Property(c => c.RequiredDecimal), "RequiredHours", "RequiredHundredths");
        MirrorHours(builder.Entity<TrainingClass>().Property(c => c.HoursDecimal), "Hours", "HoursHundredths");
    }

    // Credit data follows its person: whoever may see the person now (their current county, sector, employer, the
    // person themself) sees their records, compliance, declarations and certificates — also those from before a
    // move. Providers see the records of their own classes (and, through the professionals' filter, their
    // trainees). The person's current owners are read from ProfessionalOwner, which has no filter of its own:
    // navigating to Professional inside a filter would apply the professionals' filter too (an inner join), which
    // hides a provider's records of trainees it may not otherwise see.
    private void ApplyCreditScopes(ModelBuilder builder)
    {
        builder.Entity<CreditRecord>().HasQueryFilter(
            AccessScopeFilter,
            r => ScopeAll || ScopeCreditFeed
                || (r.ProviderId != null && ScopeOrganizations.Contains(r.ProviderId.Value))
                || Set<ProfessionalOwner>().Any(o => o.Id == r.ProfessionalId
                    && (ScopeRegions.Contains(o.RegionCode) || ScopeDepartments.Contains(o.DepartmentCode)
                        || ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == ScopeUser))));
        builder.Entity<CycleCompliance>().HasQueryFilter(
            AccessScopeFilter,
            c => ScopeAll || ScopeCreditFeed
                || Set<ProfessionalOwner>().Any(o => o.Id == c.ProfessionalId
                    && (ScopeRegions.Contains(o.RegionCode) || ScopeDepartments.Contains(o.DepartmentCode)
                        || ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == ScopeUser))));
        builder.Entity<CreditCertificate>().HasQueryFilter(
            AccessScopeFilter,
            c => ScopeAll || ScopeCreditFeed
                || Set<ProfessionalOwner>().Any(o => o.Id == c.ProfessionalId
                    && (ScopeRegions.Contains(o.RegionCode) || ScopeDepartments.Contains(o.DepartmentCode)
                        || ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == ScopeUser))));

        // Declarations: their reviewers (the employer and the sector at submission, the county) and the person.
        builder.Entity<ActivityDeclaration>().HasQueryFilter(
            AccessScopeFilter,
            d => ScopeAll || ScopeOrganizations.Contains(d.EmployerId) || ScopeDepartments.Contains(d.DepartmentCode)
                || ScopeRegions.Contains(d.RegionCode)
                || Set<ProfessionalOwner>().Any(o => o.Id == d.ProfessionalId
                    && (ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == ScopeUser))));
        builder.Entity<EvidenceFile>().HasQueryFilter(AccessScopeFilter, e => ActivityDeclarations.Any(d => d.Id == e.DeclarationId));

        // Classes: their provider, the county and sector they are for, and the program office.
        builder.Entity<TrainingClass>().HasQueryFilter(
            AccessScopeFilter,
            c => ScopeAll || ScopeCreditFeed || ScopeOrganizations.Contains(c.ProviderId)
                || (c.RegionCode != null && ScopeRegions.Contains(c.RegionCode))
                || (c.DepartmentCode != null && ScopeDepartments.Contains(c.DepartmentCode)));

        // The verification log: the program office.
        builder.Entity<CertificateVerification>().HasQueryFilter(AccessScopeFilter, _ => ScopeAll);
        ApplyDigitalEngineerScopes(builder);
    }

    // Digital-technology engineers: the pipeline follows its person like the credit data (current county, sector,
    // employer, the person), and each institution sees its own trainees' steps — the training institution its
    // trainings, their evaluations and certificates; the evaluation institution its evaluations and the level
    // certificates it issued. The catalog itself is a public list (no filter). Subsidy claims: the person's owners
    // and the county they were filed in (it decides them); institutions do not see the money.
    private void ApplyDigitalEngineerScopes(ModelBuilder builder)
    {
        builder.Entity<DigitalTraining>().HasQueryFilter(
            AccessScopeFilter,
            t => ScopeAll || ScopeOrganizations.Contains(t.InstitutionOrganizationId)
                || Set<ProfessionalOwner>().Any(o => o.Id == t.ProfessionalId
                    && (ScopeRegions.Contains(o.RegionCode) || ScopeDepartments.Contains(o.DepartmentCode)
                        || ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == ScopeUser))));
        builder.Entity<DigitalEvaluation>().HasQueryFilter(
            AccessScopeFilter,
            e => ScopeAll || ScopeOrganizations.Contains(e.InstitutionOrganizationId) || ScopeOrganizations.Contains(e.TrainingOrganizationId)
                || Set<ProfessionalOwner>().Any(o => o.Id == e.ProfessionalId
                    && (ScopeRegions.Contains(o.RegionCode) || ScopeDepartments.Contains(o.DepartmentCode)
                        || ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == ScopeUser))));
        builder.Entity<DigitalCertificate>().HasQueryFilter(
            AccessScopeFilter,
            c => ScopeAll || ScopeCreditFeed
                || ScopeOrganizations.Contains(c.IssuerOrganizationId) || ScopeOrganizations.Contains(c.TrainingOrganizationId)
                || Set<ProfessionalOwner>().Any(o => o.Id == c.ProfessionalId
                    && (ScopeRegions.Contains(o.RegionCode) || ScopeDepartments.Contains(o.DepartmentCode)
                        || ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == ScopeUser))));
        builder.Entity<SubsidyClaim>().HasQueryFilter(
            AccessScopeFilter,
            c => ScopeAll || ScopeRegions.Contains(c.RegionCode)
                || Set<ProfessionalOwner>().Any(o => o.Id == c.ProfessionalId
                    && (ScopeRegions.Contains(o.RegionCode) || ScopeDepartments.Contains(o.DepartmentCode)
                        || ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == ScopeUser))));
    }

    // Projects: the program office and clients granted the credits feed all; a county bureau the projects of its
    // region; a line department those of its sector (the recommending authority is always the county bureau of the
    // project's region or the line department of its sector); a provider or employer the projects it applied for or
    // hosts. Professionals see none
    // through the API (projects in public notice are on the public /notices page). History, reviews and
    // objections follow their project.
    private void ApplyProjectScopes(ModelBuilder builder)
    {
        builder.Entity<Project>().HasQueryFilter(
            AccessScopeFilter,
            p => ScopeAll || ScopeCreditFeed
                || ScopeRegions.Contains(p.RegionCode)
                || (p.DepartmentCode != null && ScopeDepartments.Contains(p.DepartmentCode))
                || ScopeOrganizations.Contains(p.ApplicantOrganizationId)
                || (p.ProviderId != null && ScopeOrganizations.Contains(p.ProviderId.Value)));
        builder.Entity<ProjectTransition>().HasQueryFilter(AccessScopeFilter, t => Projects.Any(p => p.Id == t.ProjectId));
        builder.Entity<ProjectReview>().HasQueryFilter(AccessScopeFilter, r => Projects.Any(p => p.Id == r.ProjectId));
        builder.Entity<ProjectObjection>().HasQueryFilter(AccessScopeFilter, o => Projects.Any(p => p.Id == o.ProjectId));
    }

    // A read-only decimal copy of an integer-hundredths column, computed and stored by the database.
    private void MirrorHours(PropertyBuilder<decimal> property, string column, string hundredthsColumn)
    {
        var sql = Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" => $"CONVERT(decimal(12,2), [{hundredthsColumn}] / 100.0)",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => $"CAST(\"{hundredthsColumn}\" AS numeric(14,2)) / 100",
            _ => $"\"{hundredthsColumn}\" / 100.0",
        };
        property.HasColumnName(column).HasPrecision(12, 2).HasComputedColumnSql(sql, stored: true);
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
        configurationBuilder.Properties<ActivityType>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<CreditUnit>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<CreditRecordStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RecordSource>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<RecordWarning>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<DeliveryMode>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TrainingClassStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DeclarationStatus>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ComplianceStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CertificateStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<VerificationResult>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DigitalField>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DigitalLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<InstitutionKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DigitalCertificateKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<TitleLinkage>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<SubsidyClaimStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ProjectType>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ProjectLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ProjectStatus>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ProjectAction>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ProjectField>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ObjectionStatus>().HaveConversion<string>().HaveMaxLength(16);
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
