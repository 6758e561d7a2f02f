using System.Diagnostics;
using KnowledgeRenewal.Kernel.Telemetry;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// Writes the <see cref="VerificationLog"/> in batches (ADR 0020): a batch is written when it holds
/// <see cref="VerificationLog.BatchSize"/> entries or its oldest entry was accepted
/// <see cref="VerificationLog.FlushInterval"/> ago, in one transaction (rows and audit records). A failed write is
/// retried every second with the same entries (meanwhile the channel fills and verifications feel back-pressure).
/// On a graceful stop it closes the log and writes every entry still waiting before the host ends. Its heartbeat is the
/// readiness check <c>worker:verification-log</c>: stuck when a batch has not been written for <see cref="StallAfter"/>.
/// </summary>
internal sealed partial class VerificationLogWorker(VerificationLog log, WorkerHeartbeats heartbeats, ILogger<VerificationLogWorker> logger) : BackgroundService
{
    /// <summary>The worker's name (readiness check <c>worker:verification-log</c>).</summary>
    internal const string Worker = "verification-log";

    /// <summary>How long writing a batch may take (retries included) before the worker counts as stuck.</summary>
    internal static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int AttemptsWhenStopping = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var heartbeat = heartbeats.For(Worker, StallAfter);
        using var running = heartbeat.Run();
        var batch = new List<VerificationLogEntry>(log.BatchSize);
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Fill(batch);
                if (batch.Count == 0)
                {
                    continue;
                }

                while (batch.Count < log.BatchSize && !log.TakeFlushRequest() && Stopwatch.GetElapsedTime(batch[0].AcceptedAt) < log.FlushInterval)
                {
                    var left = log.FlushInterval - Stopwatch.GetElapsedTime(batch[0].AcceptedAt);
                    await Task.Delay(left < Tick ? left : Tick, stoppingToken).ConfigureAwait(false);
                    Fill(batch);
                }

                heartbeat.Busy();
                await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                heartbeat.Idle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A graceful stop: write what was collected and everything still waiting, below.
        }

        log.Close();
        Fill(batch);
        while (batch.Count > 0)
        {
            await WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            Fill(batch);
        }
    }

    private void Fill(List<VerificationLogEntry> batch)
    {
        while (batch.Count < log.BatchSize && log.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }
    }

    private async Task WriteAsync(List<VerificationLogEntry> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await log.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
                batch.Clear();
                return;
            }
#pragma warning disable CA1031 // A failed write (database busy or down) is retried; the worker must not stop.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                if (stoppingToken.IsCancellationRequested && attempt >= AttemptsWhenStopping)
                {
                    Lost(logger, batch.Count, exception);
                    batch.Clear();
                    return;
                }

                WriteFailed(logger, batch.Count, attempt, exception);
            }

            try
            {
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping: retry at once, a few times.
            }
        }
    }

    [LoggerMessage(EventId = 5510, Level = LogLevel.Warning, Message = "Writing {Count} verification log entries failed (attempt {Attempt}); retrying.")]
    private static partial void WriteFailed(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(EventId = 5511, Level = LogLevel.Critical, Message = "The platform is stopping and {Count} verification log entries could not be written: they are lost.")]
    private static partial void Lost(ILogger logger, int count, Exception exception);
}
