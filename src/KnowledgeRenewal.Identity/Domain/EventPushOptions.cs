namespace KnowledgeRenewal.Identity.Domain;

/// <summary>Configuration section <c>EventPush</c>: the event delivery worker (ADR 0035).</summary>
public sealed class EventPushOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "EventPush";

    /// <summary>Whether the delivery worker runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for new events and due deliveries (milliseconds).</summary>
    public int PollIntervalMilliseconds { get; set; } = 2000;

    /// <summary>Attempts before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay after the first failed attempt (milliseconds); it doubles with each further failure.</summary>
    public int BaseDelayMilliseconds { get; set; } = 30_000;

    /// <summary>The longest delay between attempts (milliseconds).</summary>
    public int MaxDelayMilliseconds { get; set; } = 3_600_000;

    /// <summary>How long a receiver may take to answer (milliseconds).</summary>
    public int TimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Deliveries attempted per round.</summary>
    public int BatchSize { get; set; } = 20;
}

/// <summary>
/// When to try again (ADR 0035): exponential — <c>base × 2^(attempts−1)</c>, capped at the maximum — with "equal
/// jitter": half the delay fixed, the other half random, so receivers coming back are not hit by every sender at once.
/// </summary>
public static class DeliveryBackoff
{
    /// <summary>The delay after <paramref name="failedAttempts"/> failures; <paramref name="random"/> in [0, 1).</summary>
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var full = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((full / 2) + (full / 2 * Math.Clamp(random, 0, 1)));
    }
}
