using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Kernel.Events;

/// <summary>
/// An event in the transactional outbox (ADR 0035): written by <see cref="EventOutboxInterceptor"/> in the same
/// transaction as the change it reports, then fanned out to the subscriptions that may read it and delivered by
/// Identity's delivery worker. Its id is the event id a receiver deduplicates on.
/// </summary>
public sealed class OutboxEvent
{
    /// <summary>The event id (sent as <c>X-KR-Event-Id</c>; time-ordered).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The stable event type, e.g. <c>credit-record.approved</c> (<see cref="EventTypes"/>).</summary>
    public required string Type { get; set; }

    /// <summary>The feed scope a client needs to receive it (e.g. <c>feeds.credits</c>).</summary>
    public required string Feed { get; set; }

    /// <summary>The changed row's id.</summary>
    public Guid EntityId { get; set; }

    /// <summary>The event's data as JSON (masked personal data only).</summary>
    public required string Payload { get; set; }

    /// <summary>When the change was saved (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>When it was fanned out to the subscriptions (UTC); null while waiting.</summary>
    public DateTime? DispatchedAt { get; set; }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("EventOutbox");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(48);
        builder.Property(e => e.Feed).HasMaxLength(40);
        builder.Property(e => e.Payload).HasMaxLength(4000);
        builder.HasIndex(e => e.DispatchedAt);
    }
}
