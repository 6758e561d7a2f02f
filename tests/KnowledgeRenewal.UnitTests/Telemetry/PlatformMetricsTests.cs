using System.Diagnostics.Metrics;
using KnowledgeRenewal.Kernel.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeRenewal.UnitTests.Telemetry;

public sealed class PlatformMetricsTests
{
    [Theory]
    [InlineData("Valid", "valid")]
    [InlineData("TooManyAttempts", "too_many_attempts")]
    [InlineData("wrong_password", "wrong_password")]
    [InlineData("verification-log", "verification_log")]
    [InlineData("Professionals", "professionals")]
    [InlineData("IdNumber2", "id_number2")]
    [InlineData("", PlatformMetrics.Other)]
    [InlineData(null, PlatformMetrics.Other)]
    [InlineData("王小明", PlatformMetrics.Other)]
    [InlineData("370811199001011234 wrong", PlatformMetrics.Other)]
    [InlineData("a-value-far-too-long-to-be-a-stable-code-of-any-kind", PlatformMetrics.Other)]
    public void Tag_values_are_short_stable_codes_never_free_text(string? value, string expected) =>
        Assert.Equal(expected, PlatformMetrics.Code(value));

    [Fact]
    public void Each_instrument_records_on_the_platform_meter_with_its_tags()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<PlatformMetrics>().BuildServiceProvider();
        var metrics = services.GetRequiredService<PlatformMetrics>();
        var seen = new List<(string Instrument, double Value, Dictionary<string, string> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen.Add((instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => seen.Add((instrument.Name, value, Tags(tags))));
        listener.Start();

        metrics.CertificateVerified("Revoked");
        metrics.ImportStarted("Roster");
        metrics.ImportFinished("Roster", "Completed", TimeSpan.FromSeconds(2.5));
        metrics.RecomputationFinished("failed", TimeSpan.FromSeconds(-1));
        metrics.SignInFailed("wrong_password");

        Assert.Equal(PlatformMetrics.MeterName, metrics.Meter.Name);
        Assert.Contains(seen, m => m.Instrument == "knowledge_renewal.certificate.verifications" && m.Value == 1 && m.Tags["outcome"] == "revoked");
        Assert.Contains(seen, m => m.Instrument == "knowledge_renewal.imports.started" && m.Tags["kind"] == "roster");
        Assert.Contains(seen, m => m.Instrument == "knowledge_renewal.imports.finished" && m.Tags["kind"] == "roster" && m.Tags["outcome"] == "completed");
        Assert.Contains(seen, m => m.Instrument == "knowledge_renewal.import.duration" && m.Value == 2.5);
        Assert.Contains(seen, m => m.Instrument == "knowledge_renewal.recomputations" && m.Tags["outcome"] == "failed");
        Assert.Contains(seen, m => m.Instrument == "knowledge_renewal.recomputation.duration" && m.Value == 0); // never negative
        Assert.Contains(seen, m => m.Instrument == "knowledge_renewal.sign_in.failures" && m.Tags["reason"] == "wrong_password");
    }

    [Fact]
    public void A_worker_is_healthy_while_starting_idle_or_busy_with_progress_and_unhealthy_when_stopped_or_stuck()
    {
        var now = DateTimeOffset.UtcNow;
        var stall = TimeSpan.FromMinutes(1);
        HealthStatus Status(WorkerState state, TimeSpan ago, bool stopping = false) =>
            WorkerHealthCheck.Evaluate(new WorkerSnapshot("imports", state, now - ago, now - ago, state == WorkerState.Stopped ? "ended" : null), stall, now, stopping).Status;

        Assert.Equal(HealthStatus.Healthy, Status(WorkerState.Starting, TimeSpan.Zero));
        Assert.Equal(HealthStatus.Healthy, Status(WorkerState.Idle, TimeSpan.FromDays(3))); // waiting for work is no stall
        Assert.Equal(HealthStatus.Healthy, Status(WorkerState.Busy, TimeSpan.FromSeconds(59)));
        Assert.Equal(HealthStatus.Unhealthy, Status(WorkerState.Busy, TimeSpan.FromSeconds(61)));
        Assert.Equal(HealthStatus.Unhealthy, Status(WorkerState.Stopped, TimeSpan.Zero));
        Assert.Equal(HealthStatus.Degraded, Status(WorkerState.Stopped, TimeSpan.Zero, stopping: true));
    }

    [Fact]
    public void A_heartbeat_follows_its_worker_and_says_stopped_when_the_loop_ends()
    {
        var heartbeats = new WorkerHeartbeats(TimeProvider.System);
        var heartbeat = heartbeats.For("recompute", TimeSpan.FromMinutes(10));
        Assert.Same(heartbeat, heartbeats.For("recompute", TimeSpan.FromMinutes(10)));
        Assert.Equal(WorkerState.Starting, heartbeat.Read().State);

        var running = heartbeat.Run();
        Assert.Equal(WorkerState.Idle, heartbeat.Read().State);
        heartbeat.Busy();
        heartbeat.Beat();
        Assert.Equal(WorkerState.Busy, heartbeat.Read().State);
        heartbeat.Idle();
        running.Dispose();

        var stopped = heartbeat.Read();
        Assert.Equal(WorkerState.Stopped, stopped.State);
        Assert.Equal("ended", stopped.StoppedBecause);
        Assert.Equal(["recompute"], heartbeats.All.Select(h => h.Name));
    }

    private static Dictionary<string, string> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value?.ToString() ?? "";
        }

        return result;
    }
}
