using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using System.Collections.Concurrent;
using System.Threading.Channels;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Telemetry;
using System.Diagnostics;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>Where a recomputation job stands.</summary>
public enum RecomputeJobStatus
{
    /// <summary>排队中.</summary>
    Queued = 1,

    /// <summary>计算中.</summary>
    Running = 2,

    /// <summary>已完成.</summary>
    Completed = 3,

    /// <summary>失败.</summary>
    Failed = 4,
}

/// <summary>A bulk recomputation job as the API shows it.</summary>
/// <param name="Id">The job.</param>
/// <param name="Year">The year recomputed (its cycle).</param>
/// <param name="Module">The module whose people were recomputed (<c>platform</c>: the default rules'), or null for everyone.</param>
/// <param name="Status">Queued, Running, Completed or Failed.</param>
/// <param name="StatusLabel">The status in Chinese.</param>
/// <param name="Total">Person-cycles to look at (known once running).</param>
/// <param name="Processed">Person-cycles looked at so far.</param>
/// <param name="Evaluated">Person-cycles evaluated (people in service, or with records).</param>
/// <param name="Records">Credit records read.</param>
/// <param name="Inserted">Rows added.</param>
/// <param name="Updated">Rows changed.</param>
/// <param name="Deleted">Rows removed (another cycle now applies).</param>
/// <param name="Unchanged">Rows that were right already.</param>
/// <param name="RequestedBy">Who asked for it.</param>
/// <param name="RequestedAt">When (UTC).</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="CompletedAt">When it ended (UTC).</param>
/// <param name="Seconds">How long it ran.</param>
/// <param name="FailureReason">Why it failed, in Chinese.</param>
public sealed record RecomputeJobView(
    Guid Id, int Year, string? Module, RecomputeJobStatus Status, string StatusLabel, int Total, int Processed, int Evaluated, long Records,
    int Inserted, int Updated, int Deleted, int Unchanged, string? RequestedBy, DateTime RequestedAt, DateTime? StartedAt, DateTime? CompletedAt,
    double? Seconds, string? FailureReason);

/// <summary>One bulk recomputation: what was asked, by whom, and how far it is.</summary>
public sealed class RecomputeJob
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RecomputeJobStatus status = RecomputeJobStatus.Queued;
    private BulkProgress progress;
    private BulkOutcome? outcome;
    private DateTime? startedAt;
    private DateTime? completedAt;
    private string? failureReason;

    internal RecomputeJob(int year, string? module, RequesterAccess access, AuditActor actor, DateTime requestedAt)
    {
        Year = year;
        Module = module;
        Access = access;
        Actor = actor;
        RequestedAt = requestedAt;
    }

    /// <summary>The job.</summary>
    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The module, or null for everyone.</summary>
    public string? Module { get; }

    /// <summary>When it was asked for (UTC).</summary>
    public DateTime RequestedAt { get; }

    /// <summary>Completes when the job ends.</summary>
    public Task Finished => finished.Task;

    /// <summary>Whether it has not ended yet.</summary>
    public bool IsActive
    {
        get
        {
            lock (gate)
            {
                return status is RecomputeJobStatus.Queued or RecomputeJobStatus.Running;
            }
        }
    }

    internal RequesterAccess Access { get; }

    internal AuditActor Actor { get; }

    /// <summary>The job as the API shows it.</summary>
    public RecomputeJobView View()
    {
        lock (gate)
        {
            var counts = outcome?.Counts ?? new ComplianceWriteCounts();
            return new RecomputeJobView(
                Id, Year, Module, status, Label(status), progress.Total, progress.Done, outcome?.People ?? 0, outcome?.Records ?? 0,
                counts.Inserted, counts.Updated, counts.Deleted, counts.Unchanged, Actor.UserName, RequestedAt, startedAt, completedAt,
                outcome?.Elapsed.TotalSeconds ?? (startedAt is { } start && completedAt is { } end ? (end - start).TotalSeconds : null),
                failureReason);
        }
    }

    internal void Start(DateTime at)
    {
        lock (gate)
        {
            status = RecomputeJobStatus.Running;
            startedAt = at;
        }
    }

    internal void Report(BulkProgress value)
    {
        lock (gate)
        {
            progress = value;
        }
    }

    internal void Complete(BulkOutcome result, DateTime at)
    {
        lock (gate)
        {
            status = RecomputeJobStatus.Completed;
            outcome = result;
            completedAt = at;
        }

        finished.TrySetResult();
    }

    internal void Fail(string reason, DateTime at)
    {
        lock (gate)
        {
            status = RecomputeJobStatus.Failed;
            failureReason = reason;
            completedAt = at;
        }

        finished.TrySetResult();
    }

    private static string Label(RecomputeJobStatus value) => value switch
    {
        RecomputeJobStatus.Queued => "排队中",
        RecomputeJobStatus.Running => "计算中",
        RecomputeJobStatus.Completed => "已完成",
        _ => "失败",
    };
}

/// <summary>
/// The bulk recomputation jobs of this instance: queued in order and run one at a time by
/// <see cref="RecomputeWorker"/>; the newest <see cref="Kept"/> are kept for status queries. Jobs live in memory — a
/// restart forgets them (recomputation is idempotent: ask again).
/// </summary>
public sealed class RecomputeJobs
{
    /// <summary>Jobs kept for status queries.</summary>
    public const int Kept = 50;

    private readonly ConcurrentDictionary<Guid, RecomputeJob> jobs = new();
    private readonly Channel<RecomputeJob> queue = Channel.CreateUnbounded<RecomputeJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock gate = new();

    /// <summary>
    /// Queues a job for <paramref name="year"/> and <paramref name="module"/>; when one for the same year and module is
    /// queued or running already, returns that one instead (and false).
    /// </summary>
    public (RecomputeJob Job, bool Created) Enqueue(int year, string? module, RequesterAccess access, AuditActor actor, DateTime now)
    {
        lock (gate)
        {
            if (jobs.Values.FirstOrDefault(j => j.Year == year && j.Module == module && j.IsActive) is { } running)
            {
                return (running, false);
            }

            var job = new RecomputeJob(year, module, access, actor, now);
            jobs[job.Id] = job;
            foreach (var old in jobs.Values.Where(j => !j.IsActive).OrderByDescending(j => j.RequestedAt).Skip(Kept).ToList())
            {
                jobs.TryRemove(old.Id, out _);
            }

            queue.Writer.TryWrite(job);
            return (job, true);
        }
    }

    /// <summary>A job, if this instance knows it.</summary>
    public RecomputeJob? Find(Guid id) => jobs.GetValueOrDefault(id);

    /// <summary>The known jobs, newest first.</summary>
    public IReadOnlyList<RecomputeJob> Recent() => [.. jobs.Values.OrderByDescending(j => j.RequestedAt)];

    /// <summary>The queued jobs, as they come.</summary>
    internal IAsyncEnumerable<RecomputeJob> ReadAllAsync(CancellationToken cancellationToken) => queue.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Runs queued recomputation jobs one after another, each on a database context with the requester's scope. Its
/// heartbeat (beaten at every progress report) is the readiness check <c>worker:recompute</c>; each job counts in
/// <see cref="PlatformMetrics"/> (finished by outcome, duration).
/// </summary>
internal sealed partial class RecomputeWorker(RecomputeJobs jobs, BulkRecomputation bulk, IServiceScopeFactory scopes, TimeProvider clock, WorkerHeartbeats heartbeats, PlatformMetrics metrics, ILogger<RecomputeWorker> logger) : BackgroundService
{
    /// <summary>The worker's name (readiness check <c>worker:recompute</c>).</summary>
    internal const string Worker = "recompute";

    /// <summary>How long a recomputation may go without progress before the worker counts as stuck.</summary>
    internal static readonly TimeSpan StallAfter = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var heartbeat = heartbeats.For(Worker, StallAfter);
        using var running = heartbeat.Run();
        await foreach (var job in jobs.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            job.Start(clock.GetUtcNow().UtcDateTime);
            heartbeat.Busy();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var db = ActivatorUtilities.CreateInstance<PlatformDbContext>(scope.ServiceProvider, job.Access);
                var outcome = await bulk.RunAsync(db, [job.Year], job.Module, job.Actor, new Progress(job, heartbeat), stoppingToken).ConfigureAwait(false);
                job.Complete(outcome, clock.GetUtcNow().UtcDateTime);
                metrics.RecomputationFinished("completed", Stopwatch.GetElapsedTime(started));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                metrics.RecomputationFinished("cancelled", Stopwatch.GetElapsedTime(started));
                job.Fail("平台正在停止，重新计算已中止（已完成的部分已保存），请稍后重新发起。", clock.GetUtcNow().UtcDateTime);
                return;
            }
#pragma warning disable CA1031 // One job's failure (logged, shown on the job) must not stop the worker.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                JobFailed(logger, job.Id, exception);
                metrics.RecomputationFinished("failed", Stopwatch.GetElapsedTime(started));
                job.Fail($"重新计算时发生系统错误（如数据库故障），已完成的部分已保存。请稍后重新发起；如反复出现，请联系运维人员（任务编号 {job.Id:D}）。", clock.GetUtcNow().UtcDateTime);
            }

            heartbeat.Idle();
        }
    }

    [LoggerMessage(EventId = 5502, Level = LogLevel.Error, Message = "Compliance recomputation job {JobId} failed.")]
    private static partial void JobFailed(ILogger logger, Guid jobId, Exception exception);

    // Reports synchronously (Progress<T> would post to the thread pool and could report out of order).
    private sealed class Progress(RecomputeJob job, WorkerHeartbeat heartbeat) : IProgress<BulkProgress>
    {
        public void Report(BulkProgress value)
        {
            job.Report(value);
            heartbeat.Beat();
        }
    }
}
