using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KnowledgeRenewal.Kernel.Events;

/// <summary>
/// Writes an <see cref="OutboxEvent"/> for every event the registered <see cref="EventSource"/>s find among the added
/// and modified rows of a save — added to the same save, so the events commit (or roll back) with the change (ADR
/// 0035). Order 210: after the change numbers (200), which open the transaction of a save of followed rows.
/// </summary>
internal sealed class EventOutboxInterceptor(IEnumerable<EventSource> sources) : SaveChangesInterceptor
{
    /// <summary>The payloads' JSON: camelCase, enums as names.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<Type, EventSource[]> byType = sources.GroupBy(s => s.EntityType).ToDictionary(g => g.Key, g => g.ToArray());

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        WriteAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await WriteAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task WriteAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not PlatformDbContext db || byType.Count == 0)
        {
            return;
        }

        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && byType.ContainsKey(e.Metadata.ClrType))
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        if (!await EventOutbox.AnySubscribersAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var now = DateTime.UtcNow;
        foreach (var ofType in entries.GroupBy(e => e.Metadata.ClrType))
        {
            var changed = ofType.ToList();
            foreach (var source in byType[ofType.Key])
            {
                foreach (var found in await source.Detect(db, changed, cancellationToken).ConfigureAwait(false))
                {
                    db.Add(Of(found, now));
                }
            }
        }
    }

    /// <summary>The outbox row of <paramref name="found"/> (also for the bulk writers: <see cref="EventOutbox"/>).</summary>
    internal static OutboxEvent Of(DetectedEvent found, DateTime now) => new()
    {
        Type = found.Type,
        Feed = EventTypes.Feeds.TryGetValue(found.Type, out var feed) ? feed : throw new InvalidOperationException($"Unknown event type {found.Type}."),
        EntityId = found.EntityId,
        Payload = JsonSerializer.Serialize(found.Data, Json),
        OccurredAt = now,
    };
}
