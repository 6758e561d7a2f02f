using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeRenewal.Kernel.Telemetry;

/// <summary>Where a background worker stands.</summary>
public enum WorkerState
{
    /// <summary>Not started yet (the host is starting).</summary>
    Starting = 0,

    /// <summary>Running, waiting for work.</summary>
    Idle = 1,

    /// <summary>Running, working on something.</summary>
    Busy = 2,

    /// <summary>Its loop has ended.</summary>
    Stopped = 3,
}

/// <summary>
/// One background worker's heartbeat: the worker says when it runs (<see cref="Run"/>), when it takes work
/// (<see cref="Busy"/>), makes progress (<see cref="Beat"/>) and waits again (<see cref="Idle"/>). Its health check
/// (<see cref="WorkerHealthCheck"/>) reads it: unhealthy when the loop has ended while the platform runs, or when it has
/// been busy without a beat for longer than <see cref="StallAfter"/>. Thread-safe; reads and writes are cheap.
/// </summary>
public sealed class WorkerHeartbeat
{
    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private WorkerState state;
    private DateTimeOffset? since;
    private DateTimeOffset? lastBeat;
    private string? stoppedBecause;

    internal WorkerHeartbeat(string name, TimeSpan stallAfter, TimeProvider clock)
    {
        Name = name;
        StallAfter = stallAfter;
        this.clock = clock;
    }

    /// <summary>The worker's name (its health check is <c>worker:{Name}</c>).</summary>
    public string Name { get; }

    /// <summary>How long the worker may be busy without a beat before it counts as stuck.</summary>
    public TimeSpan StallAfter { get; }

    /// <summary>The loop starts (idle); dispose the result when it ends — the worker then counts as stopped.</summary>
    public IDisposable Run()
    {
        Set(WorkerState.Idle, null);
        return new Stopping(this);
    }

    /// <summary>The worker takes a piece of work.</summary>
    public void Busy() => Set(WorkerState.Busy, null);

    /// <summary>The worker made progress on its work.</summary>
    public void Beat()
    {
        lock (gate)
        {
            lastBeat = clock.GetUtcNow();
        }
    }

    /// <summary>The worker waits for work again.</summary>
    public void Idle() => Set(WorkerState.Idle, null);

    /// <summary>The loop ended (normally or by <paramref name="exception"/>).</summary>
    public void Stopped(Exception? exception = null) => Set(WorkerState.Stopped, exception?.GetType().Name ?? "ended");

    /// <summary>What the worker does now.</summary>
    public WorkerSnapshot Read()
    {
        lock (gate)
        {
            return new WorkerSnapshot(Name, state, since, lastBeat, stoppedBecause);
        }
    }

    private void Set(WorkerState value, string? reason)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            state = value;
            since = now;
            lastBeat = now;
            stoppedBecause = reason;
        }
    }

    private sealed class Stopping(WorkerHeartbeat heartbeat) : IDisposable
    {
        public void Dispose() => heartbeat.Stopped();
    }
}

/// <summary>A worker's heartbeat as read.</summary>
/// <param name="Name">The worker.</param>
/// <param name="State">Its state.</param>
/// <param name="Since">Since when (UTC).</param>
/// <param name="LastBeat">Its last sign of life (UTC).</param>
/// <param name="StoppedBecause">Why the loop ended (an exception's type), when stopped.</param>
public sealed record WorkerSnapshot(string Name, WorkerState State, DateTimeOffset? Since, DateTimeOffset? LastBeat, string? StoppedBecause);

/// <summary>The heartbeats of this instance's background workers (a singleton): one per worker name.</summary>
public sealed class WorkerHeartbeats(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, WorkerHeartbeat> heartbeats = new(StringComparer.Ordinal);

    /// <summary>The heartbeat of <paramref name="name"/> (made on first use with <paramref name="stallAfter"/>).</summary>
    public WorkerHeartbeat For(string name, TimeSpan stallAfter) => heartbeats.GetOrAdd(name, n => new WorkerHeartbeat(n, stallAfter, clock));

    /// <summary>Every heartbeat known.</summary>
    public IReadOnlyList<WorkerHeartbeat> All => [.. heartbeats.Values.OrderBy(h => h.Name, StringComparer.Ordinal)];
}

/// <summary>
/// The health of one background worker (check <c>worker:{name}</c>, tags <c>ready</c> and <c>worker</c>): healthy while
/// starting, idle, or busy with a beat within its stall time; unhealthy when its loop ended while the platform is not
/// stopping, or when it is stuck.
/// </summary>
internal sealed class WorkerHealthCheck(WorkerHeartbeat heartbeat, IHostApplicationLifetime lifetime, TimeProvider clock) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(heartbeat.Read(), heartbeat.StallAfter, clock.GetUtcNow(), lifetime.ApplicationStopping.IsCancellationRequested));

    /// <summary>The health of a worker in <paramref name="snapshot"/>'s state at <paramref name="now"/>.</summary>
    public static HealthCheckResult Evaluate(WorkerSnapshot snapshot, TimeSpan stallAfter, DateTimeOffset now, bool stopping)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["state"] = snapshot.State.ToString() };
        if (snapshot.LastBeat is { } beat)
        {
            data["lastBeat"] = beat.UtcDateTime;
        }

        return snapshot.State switch
        {
            WorkerState.Starting => HealthCheckResult.Healthy("starting", data),
            WorkerState.Idle => HealthCheckResult.Healthy("idle", data),
            WorkerState.Busy when snapshot.LastBeat is { } last && now - last > stallAfter =>
                HealthCheckResult.Unhealthy($"stuck: busy without progress since {last.UtcDateTime:O} (more than {stallAfter})", data: data),
            WorkerState.Busy => HealthCheckResult.Healthy("busy", data),
            _ when stopping => HealthCheckResult.Degraded("stopped (the platform is stopping)", data: data),
            _ => HealthCheckResult.Unhealthy($"stopped: {snapshot.StoppedBecause ?? "ended"}", data: data),
        };
    }
}
