using KnowledgeRenewal.Identity.Domain;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>A subscription as the security admin sees it (never the secret).</summary>
/// <param name="Id">Id.</param>
/// <param name="ClientId">The integrator client.</param>
/// <param name="Url">The receiver's URL.</param>
/// <param name="EventTypes">The subscribed event types.</param>
/// <param name="Active">False once disabled.</param>
/// <param name="CreatedAt">When created (UTC).</param>
/// <param name="DisabledAt">When disabled (UTC).</param>
/// <param name="Pending">Deliveries waiting.</param>
/// <param name="DeadLettered">Deliveries dead-lettered.</param>
internal sealed record EventSubscriptionView(
    Guid Id, string ClientId, string Url, IReadOnlyList<string> EventTypes, bool Active, DateTime CreatedAt, DateTime? DisabledAt, int Pending, int DeadLettered)
{
    /// <summary>The view of <paramref name="subscription"/> with its counts.</summary>
    public static EventSubscriptionView Of(EventSubscription subscription, int pending, int deadLettered) => new(
        subscription.Id, subscription.ClientId, subscription.Url, subscription.EventTypeList, subscription.Active, subscription.CreatedAt, subscription.DisabledAt, pending, deadLettered);
}

/// <summary>A delivery as the security admin sees it.</summary>
/// <param name="Id">Id.</param>
/// <param name="EventId">The event id (what the receiver deduplicates on).</param>
/// <param name="EventType">The event type.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Attempts since created or last replayed.</param>
/// <param name="NextAttemptAt">When the next attempt is due (UTC).</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="CreatedAt">When created (UTC).</param>
/// <param name="DeliveredAt">When delivered (UTC).</param>
/// <param name="DeadLetteredAt">When dead-lettered (UTC).</param>
/// <param name="Replays">How often replayed.</param>
internal sealed record EventDeliveryView(
    Guid Id, Guid EventId, string EventType, EventDeliveryStatus Status, int Attempts, DateTime NextAttemptAt, string? LastError,
    DateTime CreatedAt, DateTime? DeliveredAt, DateTime? DeadLetteredAt, int Replays);

/// <summary>How many deliveries a replay put back in the queue.</summary>
/// <param name="Replayed">The count.</param>
internal sealed record ReplayResult(int Replayed);
