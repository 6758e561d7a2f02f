using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Telemetry;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>
/// The event push worker (ADR 0035): every <see cref="EventPushOptions.PollIntervalMilliseconds"/> it runs a round of
/// <see cref="EventDispatcher"/> as the platform — fan-out, then the due deliveries — until a round finds nothing
/// more to do. A failing round is logged and retried at the next tick. Its heartbeat is the readiness check
/// <c>worker:event-push</c>. Off when <see cref="EventPushOptions.Enabled"/> is false.
/// </summary>
internal sealed partial class EventDeliveryWorker(
    IServiceScopeFactory scopes, IOptionsMonitor<EventPushOptions> options, WorkerHeartbeats heartbeats, ILogger<EventDeliveryWorker> logger) : BackgroundService
{
    /// <summary>The worker's name (readiness check <c>worker:event-push</c>).</summary>
    internal const string Worker = "event-push";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.CurrentValue.Enabled)
        {
            return;
        }

        var heartbeat = heartbeats.For(Worker, TimeSpan.FromMilliseconds(options.CurrentValue.TimeoutMilliseconds) * Math.Max(1, options.CurrentValue.BatchSize) + TimeSpan.FromMinutes(1));
        using var running = heartbeat.Run();
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeat.Busy();
            try
            {
                using var system = SystemScope.Enter();
                bool more;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var dispatcher = scope.ServiceProvider.GetRequiredService<EventDispatcher>();
                    var fannedOut = await dispatcher.FanOutAsync(stoppingToken).ConfigureAwait(false);
                    var attempted = await dispatcher.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                    more = fannedOut > 0 || attempted > 0;
                }
                while (more && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round (database busy, a bad row) must not stop the push; the next tick retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                RoundFailed(logger, exception);
            }

            heartbeat.Idle();
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(50, options.CurrentValue.PollIntervalMilliseconds)), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "An event push round failed; it is retried at the next tick.")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
