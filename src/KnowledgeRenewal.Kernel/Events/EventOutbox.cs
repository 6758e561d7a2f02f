using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KnowledgeRenewal.Kernel.Events;

/// <summary>
/// The outbox for the writers that bypass SaveChanges (ADR 0004): they write the events of their rows in their own
/// transaction with a prepared INSERT, as they write tombstones (ADR 0023), so the events commit with the rows.
/// </summary>
public static class EventOutbox
{
    /// <summary>Writes <paramref name="events"/> to the outbox in the current transaction.</summary>
    public static async Task WriteAsync(DbContext db, IReadOnlyCollection<DetectedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        if (!await AnySubscribersAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var now = DateTime.UtcNow;
        using var insert = TableCommand.Insert<OutboxEvent>(db);
        foreach (var found in events)
        {
            insert.SetAll(EventOutboxInterceptor.Of(found, now));
            await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether any subscription is active (<see cref="EventSubscribers"/>, registered by the area that keeps them; true
    /// when none is registered). Without one, events are not written at all: a subscription only receives events that
    /// occur after it was created, so nobody could ever receive them (and the seeding and bulk paths pay nothing).
    /// </summary>
    public static async Task<bool> AnySubscribersAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var probe = db.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
            ?.ApplicationServiceProvider?.GetService(typeof(EventSubscribers)) as EventSubscribers;
        return probe is null || await probe.AnyActive(db, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Tells the outbox whether any event subscription is active (registered once, by Identity, which keeps them).</summary>
/// <param name="AnyActive">Whether one is active (read in the writing transaction).</param>
public sealed record EventSubscribers(Func<DbContext, CancellationToken, Task<bool>> AnyActive);
