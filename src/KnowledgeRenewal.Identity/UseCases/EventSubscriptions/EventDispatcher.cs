using System.Globalization;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Events;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>
/// One round of the event push (ADR 0035), run by <see cref="EventDeliveryWorker"/> as the platform: fans the
/// outbox's new events out to the active subscriptions whose client may read them (a delivery per subscription and
/// event), then attempts the due deliveries — each claimed first (its due time moved forward by a lease, only if
/// nobody moved it), POSTed signed, and marked delivered, scheduled again with backoff, or dead-lettered.
/// </summary>
internal sealed class EventDispatcher(
    PlatformDbContext db,
    IOpenIddictApplicationManager applications,
    IDataProtectionProvider protection,
    IHttpClientFactory http,
    IOptionsMonitor<EventPushOptions> options,
    TimeProvider clock)
{
    /// <summary>The named HTTP client of the push.</summary>
    internal const string HttpClientName = "event-push";

    private const int FanOutBatch = 200;
    private static readonly string[] ScopeFilter = [PlatformDbContext.AccessScopeFilter];

    /// <summary>Fans out new events; returns how many events were dispatched.</summary>
    public async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        var events = await db.Set<OutboxEvent>().Where(e => e.DispatchedAt == null).OrderBy(e => e.Id).Take(FanOutBatch)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            return 0;
        }

        var subscriptions = await db.Set<EventSubscription>().IgnoreQueryFilters(ScopeFilter).AsNoTracking().Where(s => s.Active)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var scopes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var clientId in subscriptions.Select(s => s.ClientId).Distinct(StringComparer.Ordinal))
        {
            var application = await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false);
            scopes[clientId] = application is null ? [] : await EventSubscriptionRules.ScopesAsync(applications, application, cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var outboxEvent in events)
        {
            foreach (var subscription in subscriptions.Where(s => Receives(s, scopes[s.ClientId], outboxEvent)))
            {
                db.Add(new EventDelivery
                {
                    SubscriptionId = subscription.Id,
                    EventId = outboxEvent.Id,
                    EventType = outboxEvent.Type,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
            }

            outboxEvent.DispatchedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return events.Count;
    }

    /// <summary>
    /// Whether <paramref name="subscription"/> receives <paramref name="outboxEvent"/>: subscribed to its type, created
    /// before it, and its client granted the event's feed scope now (a client that lost the scope, or was deleted,
    /// receives nothing more).
    /// </summary>
    internal static bool Receives(EventSubscription subscription, IReadOnlySet<string> clientScopes, OutboxEvent outboxEvent) =>
        subscription.Active
        && subscription.CreatedAt <= outboxEvent.OccurredAt
        && subscription.EventTypeList.Contains(outboxEvent.Type, StringComparer.Ordinal)
        && clientScopes.Contains(outboxEvent.Feed);

    /// <summary>Attempts the due deliveries of active subscriptions; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        var active = db.Set<EventSubscription>().IgnoreQueryFilters(ScopeFilter).Where(s => s.Active).Select(s => s.Id);
        var due = await db.Set<EventDelivery>().IgnoreQueryFilters(ScopeFilter).AsNoTracking()
            .Where(d => d.Status == EventDeliveryStatus.Pending && d.NextAttemptAt <= now && active.Contains(d.SubscriptionId))
            .OrderBy(d => d.NextAttemptAt)
            .Take(Math.Max(1, settings.BatchSize))
            .Select(d => new { d.Id, d.NextAttemptAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var attempted = 0;
        foreach (var candidate in due)
        {
            // The claim: only the worker that moves the due time from what it read attempts the delivery.
            var lease = now + TimeSpan.FromMilliseconds(settings.TimeoutMilliseconds) + TimeSpan.FromSeconds(30);
            var claimed = await db.Set<EventDelivery>().IgnoreQueryFilters(ScopeFilter)
                .Where(d => d.Id == candidate.Id && d.Status == EventDeliveryStatus.Pending && d.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, lease), cancellationToken).ConfigureAwait(false);
            if (claimed == 1)
            {
                await AttemptAsync(candidate.Id, settings, cancellationToken).ConfigureAwait(false);
                attempted++;
            }
        }

        return attempted;
    }

    private async Task AttemptAsync(Guid deliveryId, EventPushOptions settings, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var delivery = await db.Set<EventDelivery>().IgnoreQueryFilters(ScopeFilter).FirstAsync(d => d.Id == deliveryId, cancellationToken).ConfigureAwait(false);
        var subscription = await db.Set<EventSubscription>().IgnoreQueryFilters(ScopeFilter).AsNoTracking()
            .FirstAsync(s => s.Id == delivery.SubscriptionId, cancellationToken).ConfigureAwait(false);
        var outboxEvent = await db.Set<OutboxEvent>().AsNoTracking().FirstAsync(e => e.Id == delivery.EventId, cancellationToken).ConfigureAwait(false);
        var secret = protection.CreateProtector(CreateEventSubscriptionHandler.Purpose).Unprotect(subscription.ProtectedSecret);
        var body = Body(outboxEvent);

        string? failure;
        try
        {
            using var request = Request(subscription.Url, outboxEvent, body, secret, clock.GetUtcNow());
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(settings.TimeoutMilliseconds));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            failure = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"timeout after {settings.TimeoutMilliseconds} ms";
        }
        catch (HttpRequestException exception)
        {
            failure = exception.Message;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (failure is null)
        {
            delivery.Succeeded(now);
        }
        else
        {
            var delay = DeliveryBackoff.Delay(
                delivery.Attempts + 1,
                TimeSpan.FromMilliseconds(settings.BaseDelayMilliseconds),
                TimeSpan.FromMilliseconds(settings.MaxDelayMilliseconds),
                Random.Shared.NextDouble());
            delivery.Failed(failure, now, Math.Max(1, settings.MaxAttempts), delay);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON body of an event: its id, type, time and data.</summary>
    internal static string Body(OutboxEvent outboxEvent)
    {
        using var data = JsonDocument.Parse(outboxEvent.Payload);
        return JsonSerializer.Serialize(new
        {
            id = outboxEvent.Id,
            type = outboxEvent.Type,
            occurredAt = DateTime.SpecifyKind(outboxEvent.OccurredAt, DateTimeKind.Utc),
            data = data.RootElement,
        });
    }

    /// <summary>The signed POST of <paramref name="body"/> (a new timestamp and signature per attempt).</summary>
    internal static HttpRequestMessage Request(string url, OutboxEvent outboxEvent, string body, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Absolute))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(EventSignature.EventIdHeader, outboxEvent.Id.ToString());
        request.Headers.Add(EventSignature.EventTypeHeader, outboxEvent.Type);
        request.Headers.Add(EventSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(EventSignature.SignatureHeader, EventSignature.Sign(secret, timestamp, body));
        return request;
    }
}
