using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Telemetry;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

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
/// <param name="StartedAt">When its last attempt started (UTC).</param>
/// <param name="CompletedAt">When it ended (UTC).</param>
/// <param name="Seconds">How long it ran.</param>
/// <param name="FailureReason">Why it failed, in Chinese.</param>
/// <param name="Attempts">How many times it was taken (more than one: resumed from the start after a restart).</param>
public sealed record RecomputeJobView(
    Guid Id, int Year, string? Module, RecomputeJobStatus Status, string StatusLabel, int Total, int Processed, int Evaluated, long Records,
    int Inserted, int Updated, int Deleted, int Unchanged, string? RequestedBy, DateTime RequestedAt, DateTime? StartedAt, DateTime? CompletedAt,
    double? Seconds, string? FailureReason, int Attempts)
{
    /// <summary>The view of a stored job.</summary>
    public static RecomputeJobView Of(RecomputeJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new RecomputeJobView(
            job.Id, job.Year, job.Module, job.Status, RecomputeJobRules.Label(job.Status), job.Total, job.Processed, job.Evaluated, job.Records,
            job.Inserted, job.Updated, job.Deleted, job.Unchanged, job.RequestedByUserName, job.RequestedAt, job.StartedAt, job.CompletedAt,
            job.Seconds ?? (job.StartedAt is { } start && job.CompletedAt is { } end ? (end - start).TotalSeconds : null), job.FailureReason, job.Attempts);
    }

    /// <summary>Whether it has not ended yet.</summary>
    public bool IsActive => RecomputeJobRules.IsActive(Status);
}

/// <summary>
/// This instance's side of the recomputation jobs, which live in the database (table <c>RecomputeJobs</c>, ADR 0034):
/// its instance id (the lease owner), the signal that wakes <see cref="RecomputeWorker"/> when a job is queued here, and
/// the signal that a job changed (for requests waiting on one). Another instance's changes are seen by polling.
/// </summary>
public sealed class RecomputeJobs : IDisposable
{
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the instance's side.</summary>
    public RecomputeJobs(IOptions<RecomputeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        var id = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        Instance = id.Length > RecomputeJob.LeaseOwnerLength ? id[^RecomputeJob.LeaseOwnerLength..] : id;
    }

    /// <summary>This instance's id: the lease owner of the jobs it runs.</summary>
    public string Instance { get; }

    /// <summary>The worker's settings.</summary>
    public RecomputeOptions Options { get; }

    /// <summary>Completes at the next change of a job on this instance (queued, taken, ended).</summary>
    public Task Changed => Volatile.Read(ref changed).Task;

    /// <summary>Serializes starting jobs on this instance (one queued job per year and scope).</summary>
    internal SemaphoreSlim StartGate { get; } = new(1, 1);

    /// <inheritdoc />
    public void Dispose() => StartGate.Dispose();

    /// <summary>A job was queued: wakes the worker.</summary>
    internal void Queued()
    {
        wake.Writer.TryWrite(true);
        Touch();
    }

    /// <summary>A job changed: wakes those waiting on <see cref="Changed"/>.</summary>
    internal void Touch() => Interlocked.Exchange(ref changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits until a job is queued here or <paramref name="timeout"/> passes.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            if (await wake.Reader.WaitToReadAsync(limit.Token).ConfigureAwait(false))
            {
                wake.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the poll interval passed: look in the database again
        }
    }
}

/// <summary>
/// Takes recomputation jobs from the database one after another (ADR 0034): queued ones, and running ones whose lease
/// has expired — interrupted by a crash or a restart — which it runs again from the start (recomputation is
/// idempotent and commits its chunks one transaction each, so each person's rows are either the old or the new ones);
/// a job interrupted <see cref="RecomputeJobRules.MaxAttempts"/> times fails with a reason the user sees. While a job
/// runs, a heartbeat renews its lease and stores its progress; losing the lease cancels the run. A graceful stop hands
/// the job back for the next start. Its in-process heartbeat is the readiness check <c>worker:recompute</c>; each job
/// counts in <see cref="PlatformMetrics"/> (finished by outcome, duration).
/// </summary>
internal sealed partial class RecomputeWorker(
    RecomputeJobs jobs, BulkRecomputation bulk, IServiceScopeFactory scopes, TimeProvider clock, WorkerHeartbeats heartbeats, PlatformMetrics metrics, ILogger<RecomputeWorker> logger)
    : BackgroundService
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
        while (!stoppingToken.IsCancellationRequested)
        {
            RecomputeJob? job = null;
            try
            {
                job = await ClaimAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database that is not ready must not stop the worker: it looks again after the poll interval.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                ClaimFailed(logger, exception);
            }

            if (job is null)
            {
                await jobs.WaitAsync(jobs.Options.Poll, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (!await RunAsync(job, heartbeat, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<RecomputeJob?> ClaimAsync(CancellationToken cancellationToken)
    {
        using var system = SystemScope.Enter();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var givenUp = await RecomputeJobStore.GiveUpAsync(db, now, cancellationToken).ConfigureAwait(false);
        if (givenUp > 0)
        {
            GaveUp(logger, givenUp);
            jobs.Touch();
        }

        var job = await RecomputeJobStore.ClaimAsync(db, jobs.Instance, now, jobs.Options.Lease, cancellationToken).ConfigureAwait(false);
        if (job is not null)
        {
            if (job.Attempts > 1)
            {
                Resumed(logger, job.Id, job.Attempts);
            }

            jobs.Touch();
        }

        return job;
    }

    // Runs one job; false when the platform is stopping (the job was handed back).
    private async Task<bool> RunAsync(RecomputeJob job, WorkerHeartbeat heartbeat, CancellationToken stoppingToken)
    {
        using var system = SystemScope.Enter();
        heartbeat.Busy();
        var started = Stopwatch.GetTimestamp();
        var interval = RecomputeJobRules.HeartbeatInterval(jobs.Options.Lease);
        var progress = new Progress(heartbeat, interval, clock);
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopBeating = new CancellationTokenSource();
        var beating = BeatAsync(job.Id, progress, leaseLost, stopBeating.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            progress.Inline = (total, done) => BeatInline(db, job.Id, total, done, progress, leaseLost);
            var outcome = await bulk.RunAsync(db, [job.Year], job.Module, ActorOf(job), progress, jobs.Options.Chunk, leaseLost.Token).ConfigureAwait(false);
            await StopBeatingAsync(stopBeating, beating).ConfigureAwait(false);
            var counts = outcome.Counts;
            var result = new RecomputeResult(progress.Total, outcome.People, outcome.Records, counts.Inserted, counts.Updated, counts.Deleted, counts.Unchanged, outcome.Elapsed.TotalSeconds);
            if (await RecomputeJobStore.CompleteAsync(db, job.Id, jobs.Instance, result, clock.GetUtcNow().UtcDateTime, CancellationToken.None).ConfigureAwait(false) == 0)
            {
                LeaseLost(logger, job.Id);
            }

            metrics.RecomputationFinished("completed", Stopwatch.GetElapsedTime(started));
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await StopBeatingAsync(stopBeating, beating).ConfigureAwait(false);
            metrics.RecomputationFinished("cancelled", Stopwatch.GetElapsedTime(started));
            await SettleAsync(job.Id, db => RecomputeJobStore.ReleaseAsync(db, job.Id, jobs.Instance, clock.GetUtcNow().UtcDateTime, CancellationToken.None)).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            // Another instance took the job (this one was too slow to renew the lease): it runs it; nothing to record.
            await StopBeatingAsync(stopBeating, beating).ConfigureAwait(false);
            LeaseLost(logger, job.Id);
            metrics.RecomputationFinished("cancelled", Stopwatch.GetElapsedTime(started));
            return true;
        }
#pragma warning disable CA1031 // One job's failure (logged, shown on the job) must not stop the worker.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await StopBeatingAsync(stopBeating, beating).ConfigureAwait(false);
            JobFailed(logger, job.Id, exception);
            metrics.RecomputationFinished("failed", Stopwatch.GetElapsedTime(started));
            var reason = $"重新计算时发生系统错误（如数据库故障），已完成的部分已保存。请稍后重新发起；如反复出现，请联系运维人员（任务编号 {job.Id:D}）。";
            await SettleAsync(job.Id, db => RecomputeJobStore.FailAsync(db, job.Id, jobs.Instance, reason, clock.GetUtcNow().UtcDateTime, CancellationToken.None)).ConfigureAwait(false);
            return true;
        }
        finally
        {
            heartbeat.Idle();
            jobs.Touch();
        }
    }

    // Renews the lease and stores the progress until stopped; cancels the run when the lease is gone.
    private async Task BeatAsync(Guid id, Progress progress, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var interval = RecomputeJobRules.HeartbeatInterval(jobs.Options.Lease) / 2;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stop).ConfigureAwait(false);
                if (!progress.Due)
                {
                    continue; // the recomputation beat between its chunks
                }

                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var held = await RecomputeJobStore.BeatAsync(db, id, jobs.Instance, progress.Total, progress.Done, clock.GetUtcNow().UtcDateTime, jobs.Options.Lease, stop).ConfigureAwait(false);
                progress.Beaten();
                jobs.Touch();
                if (held == 0)
                {
                    await leaseLost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A missed beat (database busy) is tried again at the next; the lease outlasts two misses.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                BeatFailed(logger, id, exception);
            }
        }
    }

    // The beat between two chunks, on the recomputation's own context (free then; on SQLite never behind a chunk's lock).
    private void BeatInline(PlatformDbContext db, Guid id, int total, int done, Progress progress, CancellationTokenSource leaseLost)
    {
        try
        {
            var held = RecomputeJobStore.Beat(db, id, jobs.Instance, total, done, clock.GetUtcNow().UtcDateTime, jobs.Options.Lease);
            progress.Beaten();
            jobs.Touch();
            if (held == 0)
            {
                leaseLost.Cancel();
            }
        }
#pragma warning disable CA1031 // A missed beat is tried again (here or by the background beat); the lease outlasts two misses.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            BeatFailed(logger, id, exception);
        }
    }

    private static async Task StopBeatingAsync(CancellationTokenSource stopBeating, Task beating)
    {
        await stopBeating.CancelAsync().ConfigureAwait(false);
        await beating.ConfigureAwait(false);
    }

    // Records how a job ended; a database that fails here leaves the lease to expire (the job is then resumed).
    private async Task SettleAsync(Guid id, Func<PlatformDbContext, Task<int>> settle)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await settle(scope.ServiceProvider.GetRequiredService<PlatformDbContext>()).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The job stays running with an expiring lease: the next claim resumes it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SettleFailed(logger, id, exception);
        }
    }

    private static AuditActor ActorOf(RecomputeJob job) =>
        new(job.RequestedByUserId, job.RequestedByUserName, job.RequestedByRoles, job.RequestedByOrganizationId, job.RequestedByClientId, null, null);

    [LoggerMessage(EventId = 5502, Level = LogLevel.Error, Message = "Compliance recomputation job {JobId} failed.")]
    private static partial void JobFailed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(EventId = 5503, Level = LogLevel.Warning, Message = "Compliance recomputation job {JobId} was interrupted (its lease expired) and is resumed from the start, attempt {Attempt}.")]
    private static partial void Resumed(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(EventId = 5504, Level = LogLevel.Warning, Message = "{Count} compliance recomputation job(s) were interrupted too often and are marked failed.")]
    private static partial void GaveUp(ILogger logger, int count);

    [LoggerMessage(EventId = 5505, Level = LogLevel.Warning, Message = "Compliance recomputation job {JobId}: this instance lost its lease; the job's new holder runs it.")]
    private static partial void LeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(EventId = 5506, Level = LogLevel.Warning, Message = "Could not look for compliance recomputation jobs; trying again.")]
    private static partial void ClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5507, Level = LogLevel.Warning, Message = "Compliance recomputation job {JobId}: the heartbeat could not renew the lease; trying again.")]
    private static partial void BeatFailed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(EventId = 5508, Level = LogLevel.Error, Message = "Compliance recomputation job {JobId}: could not record how it ended; its lease will expire and it is resumed.")]
    private static partial void SettleFailed(ILogger logger, Guid jobId, Exception exception);

    // Keeps the latest progress for the heartbeats; between two chunks it beats inline when a beat is due.
    private sealed class Progress(WorkerHeartbeat heartbeat, TimeSpan interval, TimeProvider clock) : IProgress<BulkProgress>
    {
        private int total;
        private int done;
        private long lastBeat = clock.GetTimestamp();

        public Action<int, int>? Inline { get; set; }

        public int Total => Volatile.Read(ref total);

        public int Done => Volatile.Read(ref done);

        public bool Due => clock.GetElapsedTime(Interlocked.Read(ref lastBeat)) >= interval;

        public void Beaten() => Interlocked.Exchange(ref lastBeat, clock.GetTimestamp());

        public void Report(BulkProgress value)
        {
            Volatile.Write(ref total, value.Total);
            Volatile.Write(ref done, value.Done);
            heartbeat.Beat();
            if (Due && Inline is { } inline)
            {
                inline(value.Total, value.Done);
            }
        }
    }
}
