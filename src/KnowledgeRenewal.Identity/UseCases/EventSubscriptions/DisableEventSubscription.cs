using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>Disables a subscription: nothing more is fanned out or delivered to it (waiting deliveries stay, unattempted).</summary>
/// <param name="Id">Subscription id.</param>
internal sealed record DisableEventSubscription(Guid Id) : IRequest<EventSubscriptionView>;

/// <summary>Handles <see cref="DisableEventSubscription"/>; idempotent; audited as <see cref="AuditActions.EventSubscriptionChanged"/>.</summary>
internal sealed class DisableEventSubscriptionHandler(PlatformDbContext db, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<DisableEventSubscription, EventSubscriptionView>
{
    /// <inheritdoc />
    public async Task<EventSubscriptionView> Handle(DisableEventSubscription request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subscription = await db.Set<EventSubscription>().FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("事件订阅", request.Id);
        if (subscription.Active)
        {
            subscription.Active = false;
            subscription.DisabledAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(
                new AuditEvent(AuditActions.EventSubscriptionChanged, AuditOutcome.Success, "EventSubscription", subscription.Id.ToString(), $"disabled; client={subscription.ClientId}"),
                cancellationToken).ConfigureAwait(false);
        }

        return EventSubscriptionView.Of(subscription, 0, 0);
    }
}
