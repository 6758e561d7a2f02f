using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using KnowledgeRenewal.Kernel.Telemetry;
using Quartz;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>Where the scheduler keeps its jobs and triggers.</summary>
internal enum ReminderSchedulerStore
{
    /// <summary>The platform database (Quartz's ADO.NET job store, tables <c>QRTZ_*</c>): schedules survive restarts.</summary>
    Database = 1,

    /// <summary>In memory (tests, a throw-away host): the schedule is set again on every start.</summary>
    Memory = 2,
}

/// <summary>The reminders' scheduler (section <c>Supervision:Scheduler</c>).</summary>
internal sealed class ReminderSchedulerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Supervision:Scheduler";

    /// <summary>The prefix of Quartz's tables in the platform database (the QuartzJobStore migration creates them with it).</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>Whether the scheduler runs at all (off: reminders only run through <c>POST /api/reminders/run</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the schedule is kept.</summary>
    public ReminderSchedulerStore Store { get; set; } = ReminderSchedulerStore.Database;

    /// <summary>When the reminders run: a Quartz cron expression in China time (default: every day at 07:00).</summary>
    public string Cron { get; set; } = "0 0 7 * * ?";

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (!CronExpression.TryParse(Cron, out _))
        {
            problems.Add($"{Section}:Cron \"{Cron}\" is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 7 * * ?\").");
        }

        if (!Enum.IsDefined(Store))
        {
            problems.Add($"{Section}:Store must be Database or Memory.");
        }

        return problems;
    }
}

/// <summary>
/// The daily reminder job: runs the reminders (<see cref="ReminderRunner"/>: inbox rows, once per account, rule and
/// occasion), then e-mails what was delivered and not yet mailed (<see cref="ReminderMailer"/>). Never two at once,
/// across the nodes sharing the job store too.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ReminderJob(IServiceScopeFactory scopes, ILogger<ReminderJob> logger) : IJob
{
    /// <summary>The job's key in the store.</summary>
    public static readonly JobKey Key = new("daily-reminders", "supervision");

    /// <summary>The daily trigger's key in the store.</summary>
    public static readonly TriggerKey Trigger = new("daily-reminders", "supervision");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunAsync(cancellationToken).ConfigureAwait(false);
        var mail = await scope.ServiceProvider.GetRequiredService<ReminderMailer>().SendPendingAsync(cancellationToken).ConfigureAwait(false);
        Ran(logger, context.ScheduledFireTimeUtc, run.Delivered, mail.Sent, mail.Failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled reminder run (fire time {Scheduled}): {Delivered} delivered, {Mailed} e-mailed, {Failed} e-mails failed.")]
    private static partial void Ran(ILogger logger, DateTimeOffset? scheduled, int delivered, int mailed, int failed);
}

/// <summary>Registers the scheduler: Quartz.NET with its store in the platform database, and the daily reminder job.</summary>
internal static class ReminderScheduling
{
    /// <summary>Adds the scheduler per <c>Supervision:Scheduler</c> (nothing when it is off).</summary>
    public static IServiceCollection AddReminderScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ReminderSchedulerOptions.Section);
        var options = section.Get<ReminderSchedulerOptions>() ?? new ReminderSchedulerOptions();
        if (options.Check() is { Count: > 0 } problems)
        {
            throw new Kernel.PlatformConfigurationException($"The reminder scheduler's settings (section {ReminderSchedulerOptions.Section}) are invalid:", problems);
        }

        services.AddOptions<ReminderSchedulerOptions>().Bind(section);
        if (!options.Enabled)
        {
            return services;
        }

        var database = services.Select(d => d.ImplementationInstance).OfType<DatabaseOptions>().LastOrDefault()
            ?? throw new InvalidOperationException("The platform database must be registered before the reminder scheduler.");
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(1);
            if (options.Store == ReminderSchedulerStore.Memory)
            {
                quartz.UseInMemoryStore(_ => { });
                return;
            }

            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = ReminderSchedulerOptions.TablePrefix;
                    o.StoreJobDataAsStrings = true;
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                store.UseSystemTextJsonSerializer();
                switch (database.Provider)
                {
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(Npgsql.NpgsqlFactory.Instance, database.ConnectionString);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(Microsoft.Data.SqlClient.SqlClientFactory.Instance, database.ConnectionString);
                        break;
                    default:
                        store.UseSqlite(Microsoft.Data.Sqlite.SqliteFactory.Instance, database.ConnectionString);
                        break;
                }
            });
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        services.AddHostedService<ReminderSchedule>();
        services.AddHealthChecks().AddCheck<ReminderSchedulerHealthCheck>("worker:" + ReminderSchedulerHealthCheck.Worker, tags: [TelemetryServices.ReadyTag, TelemetryServices.WorkerTag]);
        return services;
    }
}

/// <summary>
/// Puts the daily reminder job and its trigger into the scheduler on start — only what is missing or changed: a stored
/// trigger with the configured cron is left as it is, so a day missed while the platform was down is a misfire the
/// store makes up once on start (fire once now, then on schedule); a changed cron replaces the trigger. Runs once the
/// server listens (<see cref="IHostedLifecycleService.StartedAsync"/>), so opening the job store does not delay the first
/// answer; the host's start still waits for it.
/// </summary>
internal sealed partial class ReminderSchedule(ISchedulerFactory schedulers, IOptions<ReminderSchedulerOptions> options, ILogger<ReminderSchedule> logger) : IHostedLifecycleService
{
    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var cron = options.Value.Cron;
        if (!await scheduler.Exists(ReminderJob.Key, cancellationToken).ConfigureAwait(false))
        {
            var job = JobBuilder.Create<ReminderJob>().WithIdentity(ReminderJob.Key).WithDescription("提醒：每日发送到期提醒").StoreDurably().Build();
            await scheduler.AddJob(job, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (await scheduler.GetTrigger(ReminderJob.Trigger, cancellationToken).ConfigureAwait(false) is ICronTrigger stored
            && string.Equals(stored.CronExpressionString, cron, StringComparison.Ordinal)
            && stored.TimeZone.Id == ProgramCalendar.TimeZone.Id)
        {
            Kept(logger, cron, stored.NextFireTimeUtc);
            return;
        }

        var trigger = Build(cron);
        if (await scheduler.Exists(ReminderJob.Trigger, cancellationToken).ConfigureAwait(false))
        {
            await scheduler.RescheduleJob(ReminderJob.Trigger, trigger, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        Scheduled(logger, cron, (await scheduler.GetTrigger(ReminderJob.Trigger, cancellationToken).ConfigureAwait(false))?.NextFireTimeUtc);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The daily trigger: the cron in China time; a misfire (the platform was down) fires once, then on schedule.</summary>
    public static ITrigger Build(string cron) => TriggerBuilder.Create()
        .WithIdentity(ReminderJob.Trigger)
        .ForJob(ReminderJob.Key)
        .WithDescription("每日提醒")
        .WithCronSchedule(cron, c => c.InTimeZone(ProgramCalendar.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "The reminder trigger ({Cron}, China time) is kept from the store; next run {Next}.")]
    private static partial void Kept(ILogger logger, string cron, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Information, Message = "The reminder trigger ({Cron}, China time) is scheduled; next run {Next}.")]
    private static partial void Scheduled(ILogger logger, string cron, DateTimeOffset? next);
}

/// <summary>
/// The reminder scheduler's readiness check (<c>worker:reminders</c>): unhealthy when Quartz has shut down while the
/// platform runs, or when a reminder run has been going for longer than <see cref="StallAfter"/>; healthy while it starts
/// (Quartz starts once the application has started) and while it waits for the next fire time.
/// </summary>
internal sealed class ReminderSchedulerHealthCheck(ISchedulerFactory schedulers, IHostApplicationLifetime lifetime, TimeProvider clock) : IHealthCheck
{
    /// <summary>The worker's name.</summary>
    public const string Worker = "reminders";

    /// <summary>How long one reminder run may take before the scheduler counts as stuck.</summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
        if (status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown)
        {
            return lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Degraded("stopped (the platform is stopping)")
                : HealthCheckResult.Unhealthy("stopped: the scheduler has shut down");
        }

        if (status != SchedulerStatus.Running)
        {
            return HealthCheckResult.Healthy("starting");
        }

        // This node's firings only (a shared job store sees the whole cluster's).
        var now = clock.GetUtcNow();
        var running = await scheduler.QueryFireInstances(new FireInstanceQuery { SchedulerInstanceId = scheduler.SchedulerInstanceId }, cancellationToken).ConfigureAwait(false);
        if (running.Items.FirstOrDefault(firing => firing.State == FireInstanceState.Executing && now - firing.FireTimeUtc > StallAfter) is { } stuck)
        {
            return HealthCheckResult.Unhealthy($"stuck: the reminder run started at {stuck.FireTimeUtc.UtcDateTime:O} has not ended (more than {StallAfter})");
        }

        return HealthCheckResult.Healthy(running.Items.Count > 0 ? "busy" : "idle");
    }
}
