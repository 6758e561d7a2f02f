using KnowledgeRenewal.Kernel.Telemetry;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Security;
using KnowledgeRenewal.Programs.Contracts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Credits;

/// <summary>
/// The credit-hours area: catalog and rule books, the ledger, classes and rosters, declarations, compliance and
/// certificates. The host adds it with <see cref="AddCreditsArea"/> and maps <see cref="MapCreditsArea"/>; request
/// handlers, validators, mappings, statistics and demo seeders are found by the host's scan of the area's assembly.
/// </summary>
public static class CreditsArea
{
    /// <summary>
    /// Registers the area: its model and EDM parts, the ledger guard (before the audit trail), the catalog
    /// synchronizer, the ledger and its change handlers, rosters, declarations (their limits checked now — invalid
    /// limits stop the platform), compliance and certificates.
    /// </summary>
    public static IServiceCollection AddCreditsArea(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPlatformModelPart<CreditsModel>();
        CreditChangeTracking.Add(services);
        CreditEvents.Add(services);
        services.AddEdmModelPart<CatalogEdm>();
        services.AddEdmModelPart<CreditsEdm>();
        services.AddEdmModelPart<ClassesEdm>();
        services.AddEdmModelPart<CoursesEdm>();
        services.AddSingleton(new PlatformInterceptor(10, _ => LedgerGuard.Instance));
        services.AddStartupStep<CatalogSynchronizer>();

        // The ledger: what depends on it (compliance, certificates) reacts to its changes in the same transaction.
        services.AddScoped<LedgerChanges>();
        services.AddScoped<LedgerCatalog>();
        services.AddScoped<LedgerWriter>();
        services.Scan(scan => scan
            .FromAssemblyOf<LedgerChanges>()
            .AddClasses(c => c.AssignableTo<ILedgerChangeHandler>(), publicOnly: false)
                .As<ILedgerChangeHandler>()
                .WithScopedLifetime());

        // Classes and rosters: the roster job runs in the registry's import worker; programs ask about delivered training.
        services.AddScoped<TrainingClassWriter>();
        services.AddScoped<RosterIntake>();
        services.AddScoped<IRosterImport, RosterImport>();
        services.AddScoped<ITrainingFacts, TrainingFacts>();

        // Compliance rows carry their employer's ownership (ADR 0019): a registry edit or import of it updates them.
        services.AddScoped<IEmployerOwnershipFollower, UseCases.Compliance.ComplianceOwnershipFollower>();

        // Digital-engineer training hours (issue 20, ADR 0017): Programs' DigitalTrainingCompleted writes the trainee's
        // records through the ledger (RecordDigitalTrainingHoursHandler); the link and its unique index are this part's.
        services.AddPlatformModelPart<DigitalHoursModel>();
        services.AddScoped<UseCases.DigitalHours.DigitalTrainingLedger>();

        // Declarations.
        var declarations = configuration.GetSection(DeclarationOptions.Section);
        var problems = (declarations.Get<DeclarationOptions>() ?? new DeclarationOptions()).Check();
        if (problems.Count > 0)
        {
            throw new PlatformConfigurationException($"The declaration settings (section {DeclarationOptions.Section}) are invalid:", problems);
        }

        services.AddOptions<DeclarationOptions>().Bind(declarations);
        services.AddScoped<DeclarationWriter>();

        // Compliance.
        services.AddSingleton<ComplianceRules>();
        services.AddSingleton<BulkRecomputation>();
        services.AddSingleton<IComplianceRecomputation, RecomputeYear>();
        services.AddOptions<RecomputeOptions>().Bind(configuration.GetSection(RecomputeOptions.Section));
        services.AddSingleton<RecomputeJobs>();
        services.AddScoped<ComplianceRecomputer>();
        services.AddHostedService<RecomputeWorker>();
        services.AddWorkerHealthCheck(RecomputeWorker.Worker, RecomputeWorker.StallAfter);

        // Certificates, their public verification and credentials.
        var certificates = configuration.GetSection(CertificateOptions.Section);
        services.Configure<CertificateOptions>(certificates);
        var perMinute = certificates.Get<CertificateOptions>()?.VerificationsPerMinute ?? new CertificateOptions().VerificationsPerMinute;
        services.Configure<RateLimiterOptions>(options => CertificateVerificationLimits.AddPolicy(options, perMinute));
        services.AddSingleton(provider => new CredentialKeys(provider.GetRequiredService<LocalKeyStore>(), provider.GetRequiredService<IOptions<CertificateOptions>>()));
        services.AddScoped<CertificateLinks>();
        services.AddScoped<CertificateCredentials>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateReader>();

        // Public verification at load (ADR 0020): results kept briefly in memory (forgotten when a certificate's status
        // changes), the log written in batches off the request path by a worker that drains it on a graceful stop.
        services.AddSingleton<VerificationCache>();
        services.AddSingleton<VerificationCacheInvalidator>();
        services.AddSingleton(new PlatformInterceptor(11, provider => provider.GetRequiredService<VerificationCacheInvalidator>()));
        services.AddSingleton<VerificationLog>();
        services.AddHostedService<VerificationLogWorker>();
        services.AddWorkerHealthCheck(VerificationLogWorker.Worker, VerificationLogWorker.StallAfter);

        // The professional's own pages come first, under 「我的」; the declaration reviewers see 学时申报.
        services.AddMenuItem("我的", "我的学时", "/my/hours", 200, PlatformRoles.Professional);
        services.AddMenuItem("我的", "我的学时证明", "/my/certificates", 201, PlatformRoles.Professional);
        services.AddMenuItem("我的", "我的申报", "/declarations", 202, PlatformRoles.Professional);
        services.AddMenuItem("本单位", "学时达标情况", "/staff/compliance", 120, PlatformRoles.EmployerHr);
        services.AddWorkbenchSection<Pages.Staff.StaffComplianceSection>();
        services.AddMenuItem("培训", "班次管理", "/classes", 310, PlatformRoles.ProviderStaff, PlatformRoles.ProgramOfficeAdmin);
        services.AddMenuItem("培训", "课程库", "/courses", 311, PlatformRoles.ProviderStaff, PlatformRoles.ProgramOfficeAdmin);
        services.AddWorkbenchSection<Pages.Classes.ClassesWorkbenchSection>();
        services.AddMenuItem("学时", "学时申报", "/declarations", 210,
            PlatformRoles.EmployerHr, PlatformRoles.DepartmentAdmin, PlatformRoles.CountyAdmin, PlatformRoles.ProgramOfficeAdmin);
        services.AddWorkbenchSection<Pages.My.MyHoursSection>();
        services.AddMenuItem("学时", "达标情况", "/compliance", 220, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.ProgramOfficeAdmin);
        services.AddMenuItem("审核", "待审核的学时记录", "/reviews/records", 160, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.ProgramOfficeAdmin);
        services.AddMenuItem("审核", "待审核的申报", "/declarations?awaitingMe=true", 170, PlatformRoles.DepartmentAdmin);
        services.AddWorkbenchSection<Pages.Reviews.RegionSection>();
        services.AddMenuItem("学时", "科目目录与学时规则", "/catalog", 230, [.. ComplianceAccess.WhatIfRunners]);
        services.AddMenuItem("学时", "规则调整模拟", "/catalog/what-if", 231, [.. ComplianceAccess.WhatIfRunners]);
        services.AddWorkbenchSection<Pages.Catalog.RulesSection>();

        // The program office's credit-hour work; the system administrator's operations pages (modules, health here;
        // the configuration's history is the Identity area's page, listed here with the other two).
        services.AddMenuItem("学时", "重新计算达标情况", "/compliance/recompute", 221, PlatformRoles.ProgramOfficeAdmin);
        services.AddMenuItem("学时", "学时证明", "/certificates", 225, PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin);
        services.AddWorkbenchSection<Pages.Certificates.OfficeCreditsSection>();
        services.AddMenuItem("系统运维", "运行状况", "/admin/health", 900, PlatformRoles.SystemAdmin);
        services.AddMenuItem("系统运维", "已安装的行业模块", "/admin/modules", 901, PlatformRoles.SystemAdmin);
        services.AddMenuItem("系统运维", "配置变更记录", "/admin/configuration", 902, PlatformRoles.SystemAdmin);
        services.AddWorkbenchSection<Pages.Admin.SystemSection>();
        return services;
    }

    /// <summary>
    /// Maps <c>/api/modules</c>, <c>/api/rules</c>, <c>/api/credit-records</c> and transcripts, <c>/api/classes</c>,
    /// <c>/api/declarations</c>, compliance and certificates.
    /// </summary>
    public static IEndpointRouteBuilder MapCreditsArea(this IEndpointRouteBuilder endpoints) =>
        endpoints
            .MapCatalogApi()
            .MapLedger()
            .MapClassesApi()
            .MapCoursesApi()
            .MapDeclarationsApi()
            .MapComplianceApi()
            .MapCertificatesApi()
            .MapTitleRecordsApi()
            .MapOperationsApi();
}
