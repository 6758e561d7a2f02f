using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KnowledgeRenewal.Kernel.Telemetry;

/// <summary>
/// The platform's telemetry, wired in one place (ADR 0021): OpenTelemetry metrics (ASP.NET Core, Kestrel, HttpClient,
/// the .NET runtime, Npgsql, the platform's own <see cref="PlatformMetrics"/> and every <c>KnowledgeRenewal.*</c> meter)
/// for the operators' Prometheus scrape and, when <c>Telemetry:Otlp:Endpoint</c> is set, traces (ASP.NET Core, EF Core,
/// HttpClient, Npgsql), metrics and logs to that collector. Logs carry the trace and span ids; every background worker
/// has a heartbeat and a readiness check.
/// </summary>
public static class TelemetryServices
{
    /// <summary>The health-check tag of the background workers' checks.</summary>
    public const string WorkerTag = "worker";

    /// <summary>The health-check tag of what <c>/health/ready</c> covers.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the platform's meters, the heartbeats and — unless <c>Telemetry:Enabled</c> is false — OpenTelemetry.</summary>
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TelemetryOptions.Section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Check() is { Count: > 0 } problems)
        {
            throw new PlatformConfigurationException($"The telemetry settings (section {TelemetryOptions.Section}) are invalid:", problems);
        }

        services.AddSingleton(options);
        services.AddMetrics();
        services.AddSingleton<PlatformMetrics>();
        services.AddWorkerHeartbeats();

        // Logs carry the current trace: every scope of a request or a job names its trace and span; the console shows
        // scopes (plain or JSON formatter), the OTLP log exporter sends them as the record's trace context.
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<IAuthorizationHandler, ScrapeTokenHandler>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceVersion: typeof(TelemetryServices).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlatformMetrics.MeterName, "KnowledgeRenewal.*", "Npgsql")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.Otlp.IsConfigured)
                {
                    metrics.AddOtlpExporter(exporter => Configure(exporter, options.Otlp, "metrics"));
                }
            });

        // Traces go nowhere without a collector: no tracer provider then (no sampling cost). The trace id still exists
        // (ASP.NET Core starts an activity per request for the logging scope) and is in the logs.
        if (options.Otlp.IsConfigured)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddSource("KnowledgeRenewal.*", "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(options.Prometheus.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(exporter => Configure(exporter, options.Otlp, "traces")));
            if (options.Otlp.Logs)
            {
                telemetry.WithLogging(
                    logging => logging.AddOtlpExporter(exporter => Configure(exporter, options.Otlp, "logs")),
                    logging =>
                    {
                        logging.IncludeScopes = true;
                        logging.IncludeFormattedMessage = true;
                    });
            }
        }

        return services;
    }

    /// <summary>Adds the heartbeats of the background workers (areas call it before registering a worker's check).</summary>
    public static IServiceCollection AddWorkerHeartbeats(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkerHeartbeats>();
        return services;
    }

    /// <summary>
    /// Adds the readiness check <c>worker:{name}</c> of a background worker that reports through
    /// <see cref="WorkerHeartbeats.For"/> with the same <paramref name="name"/> and <paramref name="stallAfter"/>.
    /// </summary>
    public static IServiceCollection AddWorkerHealthCheck(this IServiceCollection services, string name, TimeSpan stallAfter)
    {
        services.AddWorkerHeartbeats();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "worker:" + name,
            provider => new WorkerHealthCheck(provider.GetRequiredService<WorkerHeartbeats>().For(name, stallAfter), provider.GetRequiredService<IHostApplicationLifetime>(), provider.GetRequiredService<TimeProvider>()),
            failureStatus: null,
            tags: [ReadyTag, WorkerTag]));
        return services;
    }

    /// <summary>
    /// Maps the Prometheus scrape endpoint (<c>Telemetry:Prometheus:Path</c>, default <c>/metrics</c>) for the system
    /// administrator (or a scraper with <c>Telemetry:Prometheus:ScrapeToken</c>), and the health endpoints:
    /// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database and every background worker,
    /// each listed by name and status).
    /// </summary>
    public static IEndpointRouteBuilder MapPlatformTelemetry(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadinessAsync }).AllowAnonymous();
        var options = endpoints.ServiceProvider.GetRequiredService<TelemetryOptions>();
        if (options.Enabled && options.Prometheus.Enabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(options.Prometheus.Path)
                .RequireAuthorization(PlatformPolicies.SystemAdministration)
                .WithDisplayName("Prometheus scrape (operators)");
        }

        return endpoints;
    }

    /// <summary>
    /// <c>/health/ready</c>'s answer: the overall status and each check's name and status (no descriptions or errors —
    /// the endpoint is anonymous; the system administrator reads those at <c>/admin/health</c>).
    /// </summary>
    public static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString() }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }

    private static void Configure(OtlpExporterOptions exporter, OtlpOptions otlp, string signal)
    {
        var http = string.Equals(otlp.Protocol, "HttpProtobuf", StringComparison.OrdinalIgnoreCase);
        exporter.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;

        // Over HTTP each signal has its own path under the collector's base address.
        var endpoint = otlp.Endpoint!.TrimEnd('/');
        exporter.Endpoint = new Uri(http ? $"{endpoint}/v1/{signal}" : endpoint);
        if (!string.IsNullOrWhiteSpace(otlp.Headers))
        {
            exporter.Headers = otlp.Headers;
        }
    }

    /// <summary>
    /// Lets a scraper that sends the configured scrape token (<c>Authorization: Bearer …</c>) read the scrape endpoint as
    /// if it were a system administrator — that endpoint only; the token is compared in constant time.
    /// </summary>
    private sealed class ScrapeTokenHandler(TelemetryOptions options) : AuthorizationHandler<RolesAuthorizationRequirement>
    {
        private readonly byte[]? token = string.IsNullOrEmpty(options.Prometheus.ScrapeToken) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.Prometheus.ScrapeToken));

        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RolesAuthorizationRequirement requirement)
        {
            if (token is not null
                && context.Resource is HttpContext http
                && http.Request.Path.Equals(options.Prometheus.Path, StringComparison.OrdinalIgnoreCase)
                && requirement.AllowedRoles.Contains(PlatformRoles.SystemAdmin)
                && http.Request.Headers.Authorization.ToString() is { } header
                && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())), token))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
