using System.Reflection;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Diagnostics;
using KnowledgeRenewal.Kernel.Telemetry;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using KnowledgeRenewal.Host.Endpoints;
using KnowledgeRenewal.Identity;
using KnowledgeRenewal.Registry;
using KnowledgeRenewal.Reporting;
using KnowledgeRenewal.Supervision;
using KnowledgeRenewal.Programs;
using KnowledgeRenewal.Credits;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Host.Modules;
using KnowledgeRenewal.Identity.UseCases.Organizations;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Host.Web;
using KnowledgeRenewal.Sdk;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Batch;
using Microsoft.Extensions.WebEncoders;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Host.Composition;

/// <summary>Composes the platform: modules, data, application pipeline and web surface. The one place wiring lives.</summary>
public static class PlatformComposition
{
    /// <summary>Registers everything. Throws <see cref="PlatformConfigurationException"/> when modules or rules are invalid.</summary>
    public static WebApplicationBuilder AddKnowledgeRenewal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;

        var platform = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        if (string.IsNullOrWhiteSpace(configuration["urls"]))
        {
            // The documented fixed port of the embedded default; --urls or ASPNETCORE_URLS override it.
            builder.WebHost.UseUrls(platform.DefaultUrls);
        }

        services.AddSingleton(platform);
        services.AddSingleton(TimeProvider.System);
        services.AddServerTiming(platform);
        services.AddPlatformTelemetry(configuration);

        var modulesFolder = Path.GetFullPath(Path.Combine(contentRoot, platform.ModulesFolder));
        var registry = ModuleComposition.Compose(
            ModuleDiscovery.Discover(typeof(PlatformComposition).Assembly, modulesFolder),
            configuration.GetSection(ModuleComposition.Section),
            SdkInfo.Version);
        services.AddSingleton(registry);
        services.AddSingleton(new CreditRuleBooks(registry, configuration));
        foreach (var module in registry.Enabled)
        {
            module.Module.ConfigureServices(new ModuleBuilder(module.Manifest, services, configuration.GetSection($"{ModuleComposition.Section}:{module.Key}")));
        }

        var database = DatabaseOptionsFrom(configuration, contentRoot);
        services.AddKernel(database);
        services.AddIdentityArea(configuration, database);
        services.AddRegistryArea(configuration);
        services.AddProgramsArea(configuration);
        services.AddCreditsArea(configuration);
        services.AddSupervisionArea(configuration);
        services.AddReportingArea(configuration);
        services.AddPlatformWebSecurity(configuration);
        AddApplication(services, registry);
        AddWeb(services, configuration, registry);
        return builder;
    }

    /// <summary>Migrates (where configured), seeds reference data, catalogs and demo data.</summary>
    public static Task InitializeKnowledgeRenewalAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var platform = app.Services.GetRequiredService<PlatformOptions>();
        return app.Services.GetRequiredService<DatabaseInitializer>()
            .InitializeAsync(platform.DemoMode, platform.DemoSeed, app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// Builds every endpoint once before the first request: the route table, the request delegates and the JSON
    /// contracts of the API's bodies and answers. Run while the database gets ready (the other core is busy with it),
    /// so the first visitor does not pay for it; the routing's own copy of the table then reuses what this compiled.
    /// </summary>
    public static void WarmUpEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // The app's own sources, read one by one (the routing middleware combines them in a table of its own when the
        // pipeline is built; a combined source here would stay subscribed to their changes for nothing).
        var count = ((IEndpointRouteBuilder)app).DataSources.Sum(source => source.Endpoints.Count);
        var elapsed = watch.ElapsedMilliseconds;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformComposition));
        StartupLog.EndpointsBuilt(logger, count, elapsed);
    }

    /// <summary>Builds the request pipeline and maps every endpoint.</summary>
    public static WebApplication UseKnowledgeRenewal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registry = app.Services.GetRequiredService<ModuleRegistry>();
        app.UseServerTiming(app.Services.GetRequiredService<PlatformOptions>());
        app.UseWebSecurity();

        // Programs get problem details; people get a page in Chinese (the error's own status, e.g. 404 for an unknown
        // address or a record they may not see), never raw JSON.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = exception => exception is PlatformException platform ? platform.Status : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(context => RequestKinds.IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !RequestKinds.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();

        // The API documentation is public (it describes the API, not its data).
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api-docs";
            options.SwaggerEndpoint("/openapi/v1.json", "KnowledgeRenewal API v1");
            options.DocumentTitle = "接口文档 — 济宁市专业技术人员继续教育管理服务平台";
        });
        app.UseApiAntiforgery();
        app.UseODataBatching();
        app.UseModuleServiceDocument(registry);

        // $batch runs each sub-request on a context of its own: make it the current one, so the caller's scope applies.
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
            return next(context);
        });
        app.UseRouting();
        app.UseIdentityArea();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        app.MapPlatformTelemetry();
        app.MapControllers();
        app.MapRazorPages();

        // Every REST endpoint, the modules' too: enum values from the route or query string only within their sets.
        var api = app.MapGroup("").AddEndpointFilterFactory(EnumArguments.Filter);
        api.MapPlatformApi();
        api.MapIdentityArea();
        api.MapRegistryArea();
        api.MapProgramsArea();
        api.MapCreditsArea();
        api.MapSupervisionArea();
        api.MapReportingArea();
        ModuleWebParts.MapEndpoints(api, registry);
        return app;
    }

    private static DatabaseOptions DatabaseOptionsFrom(IConfiguration configuration, string contentRoot)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.DataDirectory = Path.GetFullPath(Path.Combine(contentRoot, database.DataDirectory));
        database.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "";
        if (string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            database.ConnectionString = database.Provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(database.DataDirectory, "knowledge-renewal.db")}"
                : throw new PlatformConfigurationException(
                    $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required for {database.Provider}.",
                    [$"Set ConnectionStrings:{DatabaseOptions.ConnectionStringName} (environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName})."]);
        }

        return database;
    }

    // The platform's own assemblies (kernel, areas, host) and the enabled modules': handlers, validators, mappings,
    // statistics and demo seeders are found in them, and they hold the API's bodies and answers.
    private static Assembly[] PlatformAssemblies(ModuleRegistry registry) =>
        [.. registry.Enabled.Select(m => m.Assembly)
            .Prepend(typeof(PlatformComposition).Assembly)
            .Prepend(typeof(ReportingArea).Assembly)
            .Prepend(typeof(SupervisionArea).Assembly)
            .Prepend(typeof(CreditsArea).Assembly)
            .Prepend(typeof(ProgramsArea).Assembly)
            .Prepend(typeof(RegistryArea).Assembly)
            .Prepend(typeof(IdentityArea).Assembly)
            .Prepend(typeof(PlatformDbContext).Assembly)
            .Distinct()];

    private static void AddApplication(IServiceCollection services, ModuleRegistry registry)
    {
        var assemblies = PlatformAssemblies(registry);

        // MediatR 5: the mediator resolves handlers and behaviors through this factory.
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // The pipeline, outermost first: logging sees every request (also refused ones), validation refuses bad ones.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));

        services.Scan(scan => scan
            .FromAssemblies(assemblies)
            .AddClasses(c => c.AssignableToAny(typeof(IRequestHandler<,>), typeof(INotificationHandler<>)), publicOnly: false)
                .AsImplementedInterfaces(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))
                .WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false)
                .AsImplementedInterfaces(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<IPlatformStatistic>(), publicOnly: false)
                .As<IPlatformStatistic>()
                .WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<IDemoDataSeeder>(), publicOnly: false)
                .As<IDemoDataSeeder>()
                .WithScopedLifetime());

        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("zh-CN");

        var mapping = new TypeAdapterConfig();
        mapping.Scan(assemblies);
        services.AddSingleton(mapping);
    }

    private static void AddWeb(IServiceCollection services, IConfiguration configuration, ModuleRegistry registry)
    {
        services.Configure<ODataLimits>(configuration.GetSection(ODataLimits.Section));
        var limits = configuration.GetSection(ODataLimits.Section).Get<ODataLimits>() ?? new ODataLimits();

        services.AddControllers(options =>
            {
                options.Conventions.Add(new HideODataControllersFromOpenApi());
                options.Conventions.Add(new PublicODataMetadata());
                options.Conventions.Add(new ModuleControllersAreBusinessData(registry));
            })
            .ConfigureApplicationPartManager(parts => ModuleWebParts.ApplyTo(parts, registry))
            .AddOData(options =>
            {
                options.Select().Filter().OrderBy().Expand().Count().SkipToken().SetMaxTop(limits.MaxTop);
                options.TimeZone = TimeZoneInfo.Utc;
                // $batch at /odata/$batch: each sub-request runs the whole pipeline (authorization, scope filters) as the caller.
                options.AddRouteComponents("odata", PlatformEdm.Build(services), routeServices =>
                {
                    routeServices.AddSingleton<ODataBatchHandler>(new PlatformODataBatchHandler { MessageQuotas = { MaxOperationsPerChangeset = 20, MaxPartsPerBatch = 20 } });
                    KeysetSkipTokens.AddTo(routeServices);
                });
                options.AddAuditFeed();
                ModuleWebParts.AddRouteComponents(options, registry);
            });
        services.AddRazorPages(options => options.Conventions.Add(new ModulePagesAreBusinessData(registry)));

        // Values the model binder cannot read are said in Chinese on every page and controller.
        services.Configure<MvcOptions>(options => ChineseBindingMessages.Apply(options.ModelBindingMessageProvider));

        // Pages are Chinese: let Razor write CJK text as is instead of as numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOpenApi(options =>
        {
            OpenApiDocumentRules.Apply(options, PlatformAssemblies(registry));
            OpenApiSecurity.Apply(options);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "KnowledgeRenewal API — 济宁市专业技术人员继续教育管理服务平台";
                document.Info.Description = "REST API of the platform. OData feeds are described by /odata/$metadata and /odata/{module}/$metadata.";
                return Task.CompletedTask;
            });
        });

        // Enums by name (or by number), only their own members: see MemberEnumConverterFactory.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new MemberEnumConverterFactory()));
        services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("database", tags: [TelemetryServices.ReadyTag]);
    }
}

internal static partial class StartupLog
{
    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Built {Count} endpoints before the first request in {Milliseconds} ms")]
    public static partial void EndpointsBuilt(ILogger logger, int count, long milliseconds);
}
