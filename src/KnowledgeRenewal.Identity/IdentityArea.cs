using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Persistence;
using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Identity.UseCases.Organizations;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OData;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity;

/// <summary>
/// The Identity area: accounts, roles, sign-in, sessions and tokens, the organization tree and the audit log. The
/// host adds it with <see cref="AddIdentityArea"/>, puts <see cref="UseApiAntiforgery"/> and
/// <see cref="UseIdentityArea"/> in the request pipeline, maps <see cref="MapIdentityArea"/> and adds the audit feed
/// with <see cref="AddAuditFeed"/>. Other areas use its <c>Domain</c> and <c>Contracts</c>.
/// </summary>
public static partial class IdentityArea
{
    /// <summary>
    /// Registers the area: its model and feed, the audit trail (every write of every context audited), accounts,
    /// sign-in and tokens, account administration, the demo accounts and the start-up steps.
    /// </summary>
    public static IServiceCollection AddIdentityArea(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.AddPlatformModelPart<IdentityModel>();
        services.AddEdmModelPart<OrganizationsEdm>();
        services.AddSingleton<IAuditActorProvider, HttpAuditActorProvider>();
        services.AddPlatformAudit(configuration);
        services.AddSingleton(new PlatformInterceptor(100, provider => provider.GetRequiredService<AuditSaveChangesInterceptor>()));
        AddSignIn(services, configuration, database);
        services.AddScoped<AccountChanges>();
        services.AddScoped<IAdministratorBootstrap, BootstrapAdministrator>();
        services.AddDemoAccounts();
        services.AddStartupStep<ProgramOrganizationsSeeder>();
        services.AddStartupStep<ConfigurationAuditor>();
        AddAdministratorPages(services);
        AddEventPush(services, configuration);
        return services;
    }

    // The event push (ADR 0035): subscriptions, the dispatcher and its worker, the HTTP client (no redirects followed).
    private static void AddEventPush(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EventPushOptions>(configuration.GetSection(EventPushOptions.Section));
        services.AddScoped<UseCases.EventSubscriptions.EventDispatcher>();
        services.AddSingleton(new Kernel.Events.EventSubscribers((db, ct) =>
            db.Set<EventSubscription>().IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AnyAsync(s => s.Active, ct)));
        services.AddHttpClient(UseCases.EventSubscriptions.EventDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddHostedService<UseCases.EventSubscriptions.EventDeliveryWorker>();
    }

    // The security and audit administrators' pages: their menu entries and workbench cards.
    private static void AddAdministratorPages(IServiceCollection services)
    {
        services.AddMenuItem("账号与安全", "账号管理", "/admin/accounts", 400, PlatformRoles.SecurityAdmin);
        services.AddMenuItem("账号与安全", "新建账号", "/admin/accounts/new", 401, PlatformRoles.SecurityAdmin);
        services.AddMenuItem("账号与安全", "对接系统", "/admin/clients", 402, PlatformRoles.SecurityAdmin);
        services.AddMenuItem("账号与安全", "安全策略", "/admin/security-policy", 403, PlatformRoles.SecurityAdmin);
        services.AddWorkbenchSection<Pages.Admin.SecurityWorkbenchSection>();
        services.AddMenuItem("审计", "审计日志", "/audit", 410, PlatformRoles.AuditAdmin);
        services.AddMenuItem("审计", "校验审计链", "/audit/verify", 411, PlatformRoles.AuditAdmin);
        services.AddMenuItem("审计", "保存期限与清理记录", "/audit/retention", 412, PlatformRoles.AuditAdmin);
        services.AddWorkbenchSection<Pages.Audit.AuditWorkbenchSection>();
    }

    /// <summary>
    /// The cross-site request gate of the API (<see cref="ApiAntiforgeryMiddleware"/>): session-cookie writes to
    /// <c>/api</c>, <c>/odata</c> and <c>/connect</c> need the antiforgery token and a same-host Origin. It runs
    /// before OData's <c>$batch</c> takes a request apart, so a batch is checked as the one request it is.
    /// </summary>
    public static WebApplication UseApiAntiforgery(this WebApplication app)
    {
        app.UseMiddleware<ApiAntiforgeryMiddleware>();
        return app;
    }

    /// <summary>Authentication, the account-state check, the unknown-address answer, rate limits and authorization.</summary>
    public static WebApplication UseIdentityArea(this WebApplication app)
    {
        UseSignIn(app);
        return app;
    }

    /// <summary>Maps <c>/api/me</c>, <c>/api/admin/accounts|clients|security-policy</c>, <c>/api/organizations</c> and <c>/api/audit</c>.</summary>
    public static IEndpointRouteBuilder MapIdentityArea(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMeApi();
        endpoints.MapAccountsApi();
        endpoints.MapSecurityPolicyApi();
        endpoints.MapOrganizationsApi();
        endpoints.MapAuditApi();
        endpoints.MapConfigurationChangesApi();
        endpoints.MapEventSubscriptionsApi();
        return endpoints;
    }

    /// <summary>Adds the audit feed at <c>/odata/audit</c> (its own model: audit administrators only).</summary>
    public static ODataOptions AddAuditFeed(this ODataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddRouteComponents(AuditEdmModel.RoutePrefix, AuditEdmModel.BuildAuditEdmModel(), KeysetSkipTokens.AddTo);
    }
}
