using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>Puts one dead-lettered delivery back in the queue with fresh attempts (same event id: the receiver deduplicates).</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="DeliveryId">The delivery.</param>
internal sealed record ReplayEventDelivery(Guid SubscriptionId, Guid DeliveryId) : IRequest<ReplayResult>;

/// <summary>
/// Handles <see cref="ReplayEventDelivery"/>: 404 when unknown, 409 <see cref="NotDeadLettered"/> when it is not
/// dead-lettered; audited as <see cref="AuditActions.EventDeliveryReplayed"/>.
/// </summary>
internal sealed class ReplayEventDeliveryHandler(PlatformDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ReplayEventDelivery, ReplayResult>
{
    /// <summary>The delivery is not dead-lettered.</summary>
    internal const string NotDeadLettered = "event_delivery.not_dead_lettered";

    /// <inheritdoc />
    public async Task<ReplayResult> Handle(ReplayEventDelivery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var delivery = await db.Set<EventDelivery>()
            .FirstOrDefaultAsync(d => d.Id == request.DeliveryId && d.SubscriptionId == request.SubscriptionId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("事件投递", request.DeliveryId);
        if (!delivery.Replay(clock.GetUtcNow().UtcDateTime))
        {
            throw new PlatformException(NotDeadLettered, 409, "数据冲突", "只能重新投递已转入死信的事件。");
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEvent(AuditActions.EventDeliveryReplayed, AuditOutcome.Success, "EventDelivery", delivery.Id.ToString(), $"subscription={request.SubscriptionId}; event={delivery.EventId}"),
            cancellationToken).ConfigureAwait(false);
        return new ReplayResult(1);
    }
}
