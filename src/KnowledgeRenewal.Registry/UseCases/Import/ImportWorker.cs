using KnowledgeRenewal.Kernel.Access;
using System.Diagnostics;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Telemetry;
using KnowledgeRenewal.Registry.Persistence;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// Runs queued imports one after another (each in a fresh service scope, with the requester's scope — see
/// <see cref="RequesterAccess"/>). At start it fails the jobs an earlier run left unfinished (their transaction never
/// committed, so they wrote nothing) and removes their stale upload files. Its heartbeat is the readiness check
/// <c>worker:imports</c>; each job counts in <see cref="PlatformMetrics"/> (started, finished by outcome, duration).
/// </summary>
internal sealed partial class ImportWorker(
    ImportJobChannel queue,
    ImportProcessor processor,
    ImportProgress progress,
    IServiceScopeFactory scopes,
    ImportWorkFolder folder,
    TimeProvider clock,
    WorkerHeartbeats heartbeats,
    PlatformMetrics metrics,
    ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>The worker's name (readiness check <c>worker:imports</c>).</summary>
    internal const string Worker = "imports";

    /// <summary>How long one import may run without finishing before the worker counts as stuck.</summary>
    internal static readonly TimeSpan StallAfter = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var heartbeat = heartbeats.For(Worker, StallAfter);
        using var running = heartbeat.Run();
        await RecoverAsync(stoppingToken).ConfigureAwait(false);
        await foreach (var item in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            heartbeat.Busy();
            var kind = item.Kind.ToString();
            var started = Stopwatch.GetTimestamp();
            var outcome = "crashed";
            metrics.ImportStarted(kind);
            try
            {
                outcome = (await processor.RunAsync(item, stoppingToken).ConfigureAwait(false)).Status.ToString();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                outcome = "cancelled";
                return;
            }
#pragma warning disable CA1031 // One job's failure (already recorded where possible) must not stop the worker.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                JobCrashed(logger, item.JobId, exception);
            }
            finally
            {
                ImportWorkFolder.Delete(item.FilePath);
                progress.Finish(item.JobId);
                metrics.ImportFinished(kind, outcome, Stopwatch.GetElapsedTime(started));
                heartbeat.Idle();
            }
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var system = SystemScope.Enter();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var failed = await ImportJobStore.FailInterruptedAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            if (failed > 0)
            {
                Interrupted(logger, failed);
            }

            folder.DeleteStale(clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A database that is not ready must not stop the platform; the jobs are failed at the next start.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RecoveryFailed(logger, exception);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Import job {JobId} crashed.")]
    private static partial void JobCrashed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "{Count} import job(s) were interrupted by a restart and are marked failed (nothing of them was written).")]
    private static partial void Interrupted(ILogger logger, int count);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Could not check for interrupted import jobs.")]
    private static partial void RecoveryFailed(ILogger logger, Exception exception);
}
