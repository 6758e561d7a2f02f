using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>Puts every dead-lettered delivery of a subscription back in the queue.</summary>
/// <param name="SubscriptionId">The subscription.</param>
internal sealed record ReplayDeadLetters(Guid SubscriptionId) : IRequest<ReplayResult>;

/// <summary>Handles <see cref="ReplayDeadLetters"/> (404 for an unknown subscription); audited as <see cref="AuditActions.EventDeliveryReplayed"/> with the count.</summary>
internal sealed class ReplayDeadLettersHandler(PlatformDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ReplayDeadLetters, ReplayResult>
{
    /// <inheritdoc />
    public async Task<ReplayResult> Handle(ReplayDeadLetters request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Set<EventSubscription>().AnyAsync(s => s.Id == request.SubscriptionId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("事件订阅", request.SubscriptionId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var dead = await db.Set<EventDelivery>()
            .Where(d => d.SubscriptionId == request.SubscriptionId && d.Status == EventDeliveryStatus.DeadLettered)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var replayed = dead.Count(d => d.Replay(now));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEvent(AuditActions.EventDeliveryReplayed, AuditOutcome.Success, "EventSubscription", request.SubscriptionId.ToString(), $"replayed={replayed}"),
            cancellationToken).ConfigureAwait(false);
        return new ReplayResult(replayed);
    }
}
