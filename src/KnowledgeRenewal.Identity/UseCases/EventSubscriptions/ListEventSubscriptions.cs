using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>Lists the event subscriptions, optionally of one client.</summary>
/// <param name="ClientId">Only this client's, when given.</param>
internal sealed record ListEventSubscriptions(string? ClientId = null) : IRequest<IReadOnlyList<EventSubscriptionView>>;

/// <summary>Handles <see cref="ListEventSubscriptions"/>: newest first, with the pending and dead-lettered counts.</summary>
internal sealed class ListEventSubscriptionsHandler(PlatformDbContext db) : IRequestHandler<ListEventSubscriptions, IReadOnlyList<EventSubscriptionView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<EventSubscriptionView>> Handle(ListEventSubscriptions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subscriptions = db.Set<EventSubscription>().AsNoTracking();
        if (!string.IsNullOrEmpty(request.ClientId))
        {
            subscriptions = subscriptions.Where(s => s.ClientId == request.ClientId);
        }

        var rows = await subscriptions.OrderByDescending(s => s.CreatedAt).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(s => s.Id).ToArray();
        var counts = await db.Set<EventDelivery>().AsNoTracking()
            .Where(d => ids.Contains(d.SubscriptionId) && d.Status != EventDeliveryStatus.Delivered)
            .GroupBy(d => new { d.SubscriptionId, d.Status })
            .Select(g => new { g.Key.SubscriptionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        int Count(Guid id, EventDeliveryStatus status) => counts.Where(c => c.SubscriptionId == id && c.Status == status).Sum(c => c.Count);
        return [.. rows.Select(s => EventSubscriptionView.Of(s, Count(s.Id, EventDeliveryStatus.Pending), Count(s.Id, EventDeliveryStatus.DeadLettered)))];
    }
}
