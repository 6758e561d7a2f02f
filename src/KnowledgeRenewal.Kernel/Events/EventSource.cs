using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KnowledgeRenewal.Kernel.Events;

/// <summary>An event found in a save: its type (<see cref="EventTypes"/>), the row's id and its data (serialized as JSON; masked personal data only).</summary>
/// <param name="Type">The event type.</param>
/// <param name="EntityId">The changed row's id.</param>
/// <param name="Data">The event's data.</param>
public sealed record DetectedEvent(string Type, Guid EntityId, object Data);

/// <summary>
/// How the rows of one entity type raise events, registered by the area that owns the type
/// (<c>services.AddSingleton(EventSource.For&lt;CreditRecord&gt;(…))</c>): given the added and modified rows of one
/// save (their entries: original and current values), the events the changes mean — all rows of the type at once, so
/// what the data needs from elsewhere is read in one query per save. Read by <see cref="EventOutboxInterceptor"/> for
/// every EF Core save, so every write path that saves through the context raises them without touching a use case.
/// </summary>
/// <param name="EntityType">The CLR type.</param>
/// <param name="Detect">The events of the changed rows (none when the changes mean nothing to integrators).</param>
public sealed record EventSource(Type EntityType, Func<PlatformDbContext, IReadOnlyList<EntityEntry>, CancellationToken, Task<IReadOnlyList<DetectedEvent>>> Detect)
{
    /// <summary>A source for <typeparamref name="T"/>.</summary>
    public static EventSource For<T>(Func<PlatformDbContext, IReadOnlyList<EntityEntry<T>>, CancellationToken, Task<IReadOnlyList<DetectedEvent>>> detect)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(detect);
        return new(typeof(T), (db, entries, ct) => detect(db, [.. entries.Select(e => e.Context.Entry((T)e.Entity))], ct));
    }
}
