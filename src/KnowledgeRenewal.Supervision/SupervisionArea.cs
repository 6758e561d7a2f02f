using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Kernel.Web.Ui;
using Microsoft.Extensions.DependencyInjection.Extensions;
using KnowledgeRenewal.Supervision.Persistence;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using KnowledgeRenewal.Supervision.UseCases.Reminders;
using KnowledgeRenewal.Supervision.Web;

namespace KnowledgeRenewal.Supervision;

/// <summary>
/// The supervision area (监督管理): bases from designation to exit with computed scorecards, the December 10 filing,
/// the course catalog and the expert pool, double-random inspections, complaints, training evaluations, funding
/// checks and reminders. It keeps its own tables and reads Registry, Programs and Credit hours through their
/// published surfaces. The host adds it with <see cref="AddSupervisionArea"/> and maps <see cref="MapSupervisionArea"/>.
/// </summary>
public static class SupervisionArea
{
    /// <summary>Registers the area's model, services, menu items and workbench sections.</summary>
    public static IServiceCollection AddSupervisionArea(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPlatformModelPart<SupervisionModel>();

        // Bases: designation, status history, scorecards, assessment, evaluations.
        services.AddOptions<UseCases.Bases.BaseSupervisionOptions>().Bind(configuration.GetSection(UseCases.Bases.BaseSupervisionOptions.Section))
            .Validate(o => o.TraineeFloor > 0 && o.DesignationYears > 0, "Supervision:Bases: TraineeFloor and DesignationYears are positive.").ValidateOnStart();
        services.AddPlatformModelPart<BasesModel>();
        services.AddScoped<UseCases.Bases.ScorecardReader>();
        services.AddEdmModelPart<Web.BasesEdm>();
        services.AddMenuItem("监督管理", "继续教育基地", "/supervision/bases", 420, UseCases.Bases.BaseAccess.Readers);
        services.AddMenuItem("监督管理", "考核办法", "/supervision/methods", 421, UseCases.Bases.BaseAccess.Office);
        services.AddMenuItem("我的", "培训评价", "/my/evaluations", 206, UseCases.Bases.BaseAccess.Raters);
        services.AddWorkbenchSection<Pages.Supervision.BasesWorkbenchSection>();
        services.AddWorkbenchSection<Pages.My.MyEvaluationsSection>();

        // The December 10 filing and reminders.
        var filing = configuration.GetSection(Domain.Filings.FilingOptions.Section);
        var filingProblems = (filing.Get<Domain.Filings.FilingOptions>() ?? new Domain.Filings.FilingOptions()).Check();
        if (filingProblems.Count > 0)
        {
            throw new Kernel.PlatformConfigurationException($"The filing settings (section {Domain.Filings.FilingOptions.Section}) are invalid:", filingProblems);
        }

        services.AddOptions<Domain.Filings.FilingOptions>().Bind(filing);
        services.AddPlatformModelPart<FilingsModel>();
        services.AddEdmModelPart<FilingsEdm>();
        services.AddScoped<UseCases.Filings.FilingDesk>();
        services.AddScoped<Programs.Contracts.IBasePlanFilings, UseCases.Filings.BasePlanFilings>();
        services.AddScoped<Credits.Contracts.IClassEvaluations, UseCases.Evaluations.ClassEvaluationsForCredits>();
        services.AddMenuItem("监督管理", "基地年度报送", "/filings", 422, [.. Domain.Filings.FilingRules.Readers]);
        services.AddWorkbenchSection<Pages.Filings.FilingWorkbenchSection>();
        services.TryAddKeyedSingleton<TimeProvider>(UseCases.DeadlineClock.Key, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.AddPlatformModelPart<RemindersModel>();
        services.Scan(scan => scan
            .FromAssemblyOf<UseCases.Reminders.ReminderRunner>()
            .AddClasses(c => c.AssignableTo<Domain.IReminderSource>(), publicOnly: false)
                .As<Domain.IReminderSource>()
                .WithScopedLifetime());
        services.AddScoped<UseCases.Reminders.ReminderRunner>();
        services.AddMenuItem("我的", "我的提醒", "/inbox", 100, [.. KnowledgeRenewal.Sdk.PlatformRoles.Business]);
        services.AddWorkbenchSection<Pages.Inbox.InboxWorkbenchSection>();

        // Course catalog, expert pool and inspections.
        services.AddInspections(configuration);

        // Complaints.
        services.AddComplaints(configuration);

        // Funding: spending with vouchers, the ring-fence check, fee standards, employers' training funds.
        services.AddPlatformModelPart<FundingModel>();
        services.AddScoped<UseCases.Funding.FundingDesk>();
        services.AddEdmModelPart<FundingEdm>();
        services.AddMenuItem("监督管理", "项目经费", "/supervision/funding", 423, UseCases.Funding.FundingAccess.Readers);
        services.AddMenuItem("监督管理", "经费疑点", "/supervision/funding/flags", 424, UseCases.Funding.FundingAccess.FlagReaders);
        services.AddWorkbenchSection<Pages.Funding.FundingWorkbenchSection>();
        services.AddOptions<Domain.Funding.FundingOptions>().Bind(configuration.GetSection(Domain.Funding.FundingOptions.Section))
            .Validate(o => o.TrainingFundRatioFloor is > 0m and < 1m, "Supervision:Funding:TrainingFundRatioFloor is between 0 and 1 (e.g. 0.015).").ValidateOnStart();
        services.AddScoped<UseCases.Funding.FeeDesk>();
        services.AddMenuItem("监督管理", "收费标准", "/supervision/funding/fees", 424, UseCases.Funding.FeeAccess.FeeReaders);
        services.AddMenuItem("监督管理", "职工教育经费", "/supervision/funding/training-funds", 424, UseCases.Funding.FeeAccess.FundReaders);
        services.AddMenuItem("监督管理", "收费标准公示", "/fees", 427);

        // Reminder scheduling (Quartz.NET, persistent job store) and e-mail.
        services.AddReminderScheduling(configuration);
        var email = configuration.GetSection(UseCases.Reminders.ReminderEmailOptions.Section);
        if ((email.Get<UseCases.Reminders.ReminderEmailOptions>() ?? new UseCases.Reminders.ReminderEmailOptions()).Check() is { Count: > 0 } emailProblems)
        {
            throw new Kernel.PlatformConfigurationException($"The reminder e-mail settings (section {UseCases.Reminders.ReminderEmailOptions.Section}) are invalid:", emailProblems);
        }

        services.AddOptions<UseCases.Reminders.ReminderEmailOptions>().Bind(email);
        services.AddScoped<UseCases.Reminders.ReminderMailer>();
        services.AddStartupStep<UseCases.Reminders.ReminderRuleSeeder>();
        services.AddStartupStep<UseCases.Bases.ObjectionContactEncryption>();

        return services;
    }

    /// <summary>Maps the area's REST endpoints.</summary>
    public static IEndpointRouteBuilder MapSupervisionArea(this IEndpointRouteBuilder endpoints)
    {
        // Bases: designation, status history, scorecards, assessment, evaluations.
        Web.BasesApi.MapBasesApi(endpoints);

        // The December 10 filing and reminders.
        Web.FilingsApi.MapFilingsApi(endpoints);
        Web.RemindersApi.MapRemindersApi(endpoints);

        // Course catalog, expert pool and inspections.
        endpoints.MapInspectionsApi();

        // Complaints.
        endpoints.MapComplaintsApi();

        // Funding: spending with vouchers, the ring-fence check, fee standards, employers' training funds.
        endpoints.MapFundingApi();

        // Reminder scheduling (Quartz.NET, persistent job store) and e-mail.

        return endpoints;
    }
}
