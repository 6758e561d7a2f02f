namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// An integrator client's subscription to platform events (ADR 0035): where to POST them and which types. The HMAC
/// secret is kept encrypted (data protection) because the platform must sign with it; it is shown once at creation.
/// </summary>
public sealed class EventSubscription
{
    /// <summary>Id.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The OpenIddict client id of the integrator (its feed scopes decide which events it may receive).</summary>
    public required string ClientId { get; init; }

    /// <summary>The receiver's absolute http(s) URL.</summary>
    public required string Url { get; init; }

    /// <summary>The subscribed event types, comma-separated (<see cref="EventTypeList"/>).</summary>
    public required string EventTypes { get; init; }

    /// <summary>The signing secret, encrypted with the platform's data protection keys.</summary>
    public required string ProtectedSecret { get; init; }

    /// <summary>False once disabled: nothing more is fanned out or delivered to it.</summary>
    public bool Active { get; set; } = true;

    /// <summary>When it was created (UTC): only events after it are delivered.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When it was disabled (UTC).</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>The subscribed event types.</summary>
    public IReadOnlyList<string> EventTypeList => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Where a delivery stands.</summary>
public enum EventDeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending = 1,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 2,

    /// <summary>Every attempt failed; kept with the last reason until the security admin replays it.</summary>
    DeadLettered = 3,
}

/// <summary>One event for one subscription, with its attempts (at least once: the receiver deduplicates by event id).</summary>
public sealed class EventDelivery
{
    /// <summary>Id.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The subscription.</summary>
    public Guid SubscriptionId { get; init; }

    /// <summary>The outbox event (its id is the event id sent).</summary>
    public Guid EventId { get; init; }

    /// <summary>The event type (copied for listing).</summary>
    public required string EventType { get; init; }

    /// <summary>Where it stands.</summary>
    public EventDeliveryStatus Status { get; set; } = EventDeliveryStatus.Pending;

    /// <summary>Attempts made since it was created or last replayed.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (UTC); a worker claiming it moves this forward by its lease.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Why the last attempt failed: the status code or the exception's message.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When it was delivered (UTC).</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>When it was dead-lettered (UTC).</summary>
    public DateTime? DeadLetteredAt { get; set; }

    /// <summary>How often the security admin replayed it.</summary>
    public int Replays { get; set; }

    /// <summary>Records a failed attempt: the next one after <paramref name="delay"/>, or dead-lettered when <paramref name="maxAttempts"/> are used up.</summary>
    public void Failed(string reason, DateTime now, int maxAttempts, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Attempts++;
        LastError = reason.Length > 500 ? reason[..500] : reason;
        if (Attempts >= maxAttempts)
        {
            Status = EventDeliveryStatus.DeadLettered;
            DeadLetteredAt = now;
        }
        else
        {
            NextAttemptAt = now + delay;
        }
    }

    /// <summary>Records a delivered attempt.</summary>
    public void Succeeded(DateTime now)
    {
        Attempts++;
        Status = EventDeliveryStatus.Delivered;
        DeliveredAt = now;
        LastError = null;
    }

    /// <summary>Puts a dead-lettered delivery back in the queue with fresh attempts (the last reason stays until the next attempt).</summary>
    public bool Replay(DateTime now)
    {
        if (Status != EventDeliveryStatus.DeadLettered)
        {
            return false;
        }

        Status = EventDeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        DeadLetteredAt = null;
        Replays++;
        return true;
    }
}
