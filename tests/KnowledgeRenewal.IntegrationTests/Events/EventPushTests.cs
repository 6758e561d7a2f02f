using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Events;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Events;

/// <summary>
/// The event push end to end (ADR 0035): a real receiver on 127.0.0.1 subscribed through the security admin's API
/// gets signed events for writes made through the API; while it is down the attempts fail and are scheduled again
/// with backoff, and it gets the event when it is back; with the attempts used up the delivery is dead-lettered with
/// its reason and the security admin replays it.
/// </summary>
[Collection(EventPushPlatform.Name)]
public sealed class EventPushTests(EventPushPlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_subscribed_receiver_gets_signed_events_survives_being_down_and_dead_letters_are_replayed()
    {
        var security = await platform.ClientAsync(PlatformRoles.SecurityAdmin);
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        await using var receiver = new LocalReceiver();
        await receiver.StartAsync();

        var clientId = await CreateClientAsync(security, FeedScopes.Credits);
        using var created = await security.PostAsJsonAsync(new Uri("/api/admin/event-subscriptions", UriKind.Relative), new
        {
            clientId,
            url = receiver.Url,
            eventTypes = new[] { EventTypes.CreditRecordApproved, EventTypes.CreditRecordRevoked },
        });
        var subscription = await created.ReadJsonAsync(HttpStatusCode.Created, "subscribe");
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        var subscriptionId = subscription.GetProperty("subscription").GetProperty("id").GetGuid();
        var secret = subscription.GetProperty("secret").GetString()!;
        Assert.True(secret.Length >= 40);
        var listed = await security.GetJsonAsync("/api/admin/event-subscriptions?clientId=" + clientId);
        Assert.Equal(subscriptionId, listed[0].GetProperty("id").GetGuid());
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);

        // 1. A write through the API: the receiver gets the signed event, with the masked ID number only.
        var person = await platform.RegisterAsync(county);
        var (recordId, etag) = await RecordHoursAsync(county, person.Id);
        var approved = await WaitForAsync(receiver, e => e.EventType == EventTypes.CreditRecordApproved && e.Body.Contains(recordId.ToString(), StringComparison.Ordinal));
        Assert.True(EventSignature.Verify(secret, approved.Timestamp, approved.Body, approved.Signature, DateTimeOffset.UtcNow), "signature");
        Assert.False(EventSignature.Verify("another-secret", approved.Timestamp, approved.Body, approved.Signature, DateTimeOffset.UtcNow));
        Assert.False(EventSignature.Verify(secret, approved.Timestamp, approved.Body + " ", approved.Signature, DateTimeOffset.UtcNow));
        Assert.False(EventSignature.Verify(secret, approved.Timestamp, approved.Body, approved.Signature, DateTimeOffset.UtcNow.AddMinutes(6)), "replay window");
        using (var body = JsonDocument.Parse(approved.Body))
        {
            Assert.Equal(approved.EventId, body.RootElement.GetProperty("id").GetString());
            Assert.Equal(EventTypes.CreditRecordApproved, body.RootElement.GetProperty("type").GetString());
            var data = body.RootElement.GetProperty("data");
            Assert.Equal(person.Id, data.GetProperty("professionalId").GetGuid());
            Assert.Equal(person.View.IdNumberMasked, data.GetProperty("idNumberMasked").GetString());
            Assert.Equal("Approved", data.GetProperty("status").GetString());
        }

        Assert.DoesNotContain(person.IdNumber, approved.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Phone, approved.Body, StringComparison.Ordinal);

        // 2. The receiver is down: the revocation's attempts fail and are scheduled again with backoff …
        await receiver.StopAsync();
        using (var revoked = await PlatformFixtureBase.SendAsync(county, HttpMethod.Post, $"/api/credit-records/{recordId}/revoke", new { reason = "重复登记" }, etag))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        var failing = await WaitForDeliveryAsync(security, subscriptionId, d => d.EventType == EventTypes.CreditRecordRevoked && d.Attempts >= 1 && d.Status == "Pending");
        Assert.False(string.IsNullOrEmpty(failing.LastError));
        Assert.True(failing.NextAttemptAt > failing.CreatedAt, "the next attempt is scheduled later");

        // … and when it is back, the event arrives (same event id as the delivery's).
        await receiver.StartAsync();
        var late = await WaitForAsync(receiver, e => e.EventType == EventTypes.CreditRecordRevoked);
        Assert.Equal(failing.EventId.ToString(), late.EventId);
        Assert.True(EventSignature.Verify(secret, late.Timestamp, late.Body, late.Signature, DateTimeOffset.UtcNow));
        var delivered = await WaitForDeliveryAsync(security, subscriptionId, d => d.Id == failing.Id && d.Status == "Delivered");
        Assert.True(delivered.Attempts >= 2);

        // 3. Down for longer than the attempts last: both deliveries are dead-lettered with the last reason.
        await receiver.StopAsync();
        var (second, _) = await RecordHoursAsync(county, person.Id);
        var (third, _) = await RecordHoursAsync(county, person.Id);
        var dead = await WaitForDeliveriesAsync(security, subscriptionId, "DeadLettered", 2);
        Assert.All(dead, d => Assert.Equal(EventPushPlatformFixture.MaxAttempts, d.Attempts));
        Assert.All(dead, d => Assert.False(string.IsNullOrEmpty(d.LastError)));
        var subscriptions = await security.GetJsonAsync("/api/admin/event-subscriptions?clientId=" + clientId);
        Assert.Equal(2, subscriptions[0].GetProperty("deadLettered").GetInt32());

        // Replaying one that is not dead-lettered is refused; then one by one, then all.
        using (var notDead = await security.PostAsync(new Uri($"/api/admin/event-subscriptions/{subscriptionId}/deliveries/{failing.Id}/replay", UriKind.Relative), null))
        {
            await notDead.AssertProblemAsync(HttpStatusCode.Conflict, "event_delivery.not_dead_lettered");
        }

        await receiver.StartAsync();
        var before = receiver.Received.Count;
        using (var one = await security.PostAsync(new Uri($"/api/admin/event-subscriptions/{subscriptionId}/deliveries/{dead[0].Id}/replay", UriKind.Relative), null))
        {
            Assert.Equal(1, (await one.ReadJsonAsync(HttpStatusCode.OK, "replay one")).GetProperty("replayed").GetInt32());
        }

        await WaitForDeliveryAsync(security, subscriptionId, d => d.Id == dead[0].Id && d.Status == "Delivered");
        using (var all = await security.PostAsync(new Uri($"/api/admin/event-subscriptions/{subscriptionId}/replay", UriKind.Relative), null))
        {
            Assert.Equal(1, (await all.ReadJsonAsync(HttpStatusCode.OK, "replay all")).GetProperty("replayed").GetInt32());
        }

        await WaitForDeliveryAsync(security, subscriptionId, d => d.Id == dead[1].Id && d.Status == "Delivered");
        var replayed = receiver.Received.Skip(before).ToList();
        Assert.Contains(replayed, e => e.Body.Contains(second.ToString(), StringComparison.Ordinal));
        Assert.Contains(replayed, e => e.Body.Contains(third.ToString(), StringComparison.Ordinal));
        Assert.All(replayed, e => Assert.True(EventSignature.Verify(secret, e.Timestamp, e.Body, e.Signature, DateTimeOffset.UtcNow)));

        // Written in the change's transaction: one outbox event per change, none lost, the receiver can deduplicate by id.
        var outbox = await platform.QueryAsync(db => db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.EntityId == recordId || e.EntityId == second || e.EntityId == third).Select(e => e.Type).ToListAsync());
        Assert.Equal(4, outbox.Count);
        Assert.Equal(4, receiver.Received.Select(e => e.EventId).Distinct().Count(id => id is not null));
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.EventSubscriptionChanged || r.Action == AuditActions.EventDeliveryReplayed).Select(r => r.Details).ToListAsync());
        Assert.Contains(audited, d => d != null && d.Contains("client=" + clientId, StringComparison.Ordinal));
        Assert.Contains(audited, d => d != null && d.Contains("replayed=1", StringComparison.Ordinal));

        // Disabled: nothing more is delivered.
        using (var disabled = await security.PostAsync(new Uri($"/api/admin/event-subscriptions/{subscriptionId}/disable", UriKind.Relative), null))
        {
            Assert.False((await disabled.ReadJsonAsync(HttpStatusCode.OK, "disable")).GetProperty("active").GetBoolean());
        }

        var received = receiver.Received.Count;
        var (afterDisable, _) = await RecordHoursAsync(county, person.Id);
        await Task.Delay(TimeSpan.FromSeconds(2)); // twenty polls of the worker
        Assert.Equal(received, receiver.Received.Count);
        Assert.Equal(0, await platform.QueryAsync(db => db.Set<EventDelivery>().IgnoreQueryFilters().CountAsync(d => d.SubscriptionId == subscriptionId && d.Status == EventDeliveryStatus.Pending)));
        // With no active subscription nothing is written to the outbox at all (ADR 0035).
        Assert.False(await platform.QueryAsync(db => db.Set<OutboxEvent>().AnyAsync(e => e.EntityId == afterDisable)));
    }

    [Fact]
    public async Task A_subscription_needs_an_http_url_known_event_types_and_a_client_granted_their_feed()
    {
        var security = await platform.ClientAsync(PlatformRoles.SecurityAdmin);
        var catalogOnly = await CreateClientAsync(security, FeedScopes.Catalog);

        using (var notGranted = await security.PostAsJsonAsync(new Uri("/api/admin/event-subscriptions", UriKind.Relative),
            new { clientId = catalogOnly, url = "https://receiver.example/hook", eventTypes = new[] { EventTypes.CertificateIssued } }))
        {
            var problem = await notGranted.AssertProblemAsync(HttpStatusCode.BadRequest, "event_subscription.scope_not_granted");
            Assert.Equal("eventTypes", problem.FieldErrors[0].Field);
        }

        using (var badUrl = await security.PostAsJsonAsync(new Uri("/api/admin/event-subscriptions", UriKind.Relative),
            new { clientId = catalogOnly, url = "ftp://receiver.example/hook", eventTypes = new[] { "credit-record.deleted" } }))
        {
            var problem = await badUrl.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Contains(problem.FieldErrors, e => e.Code == "event_subscription.invalid_url");
            Assert.Contains(problem.FieldErrors, e => e.Code == "event_subscription.unknown_event_type");
        }

        using (var unknownClient = await security.PostAsJsonAsync(new Uri("/api/admin/event-subscriptions", UriKind.Relative),
            new { clientId = "no-such-client", url = "https://receiver.example/hook", eventTypes = new[] { EventTypes.CertificateIssued } }))
        {
            await unknownClient.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        using var refused = await county.GetAsync(new Uri("/api/admin/event-subscriptions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<string> CreateClientAsync(HttpClient security, string scope)
    {
        var clientId = "push-" + Guid.NewGuid().ToString("N")[..10];
        using var created = await security.PostAsJsonAsync(new Uri("/api/admin/clients", UriKind.Relative), new { clientId, displayName = "推送测试系统", scopes = new[] { scope } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return clientId;
    }

    private static async Task<(Guid Id, string ETag)> RecordHoursAsync(HttpClient county, Guid professionalId)
    {
        using var response = await PlatformFixtureBase.SendAsync(county, HttpMethod.Post, "/api/credit-records", new
        {
            professionalId,
            date = new DateOnly(DateTime.UtcNow.Year - 1, 6, 30),
            category = "Professional",
            amount = 2m,
            unit = "Hour",
            title = "事件推送测试培训",
        });
        var record = await response.ReadJsonAsync(HttpStatusCode.Created, "record hours");
        return (record.GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    private static async Task<ReceivedEvent> WaitForAsync(LocalReceiver receiver, Func<ReceivedEvent, bool> match)
    {
        ReceivedEvent? found = null;
        await WaitUntilAsync(() => Task.FromResult((found = receiver.Received.FirstOrDefault(match)) is not null));
        return found!;
    }

    private static async Task<DeliveryAnswer> WaitForDeliveryAsync(HttpClient security, Guid subscriptionId, Func<DeliveryAnswer, bool> match)
    {
        DeliveryAnswer? found = null;
        await WaitUntilAsync(async () => (found = (await DeliveriesAsync(security, subscriptionId, null)).FirstOrDefault(match)) is not null);
        return found!;
    }

    private static async Task<IReadOnlyList<DeliveryAnswer>> WaitForDeliveriesAsync(HttpClient security, Guid subscriptionId, string status, int count)
    {
        IReadOnlyList<DeliveryAnswer> found = [];
        await WaitUntilAsync(async () => (found = await DeliveriesAsync(security, subscriptionId, status)).Count >= count);
        return found;
    }

    private static async Task<IReadOnlyList<DeliveryAnswer>> DeliveriesAsync(HttpClient security, Guid subscriptionId, string? status)
    {
        var page = await security.GetJsonAsync($"/api/admin/event-subscriptions/{subscriptionId}/deliveries?pageSize=100" + (status is null ? "" : "&status=" + status));
        return page.GetProperty("items").As<DeliveryAnswer[]>();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the event push");
            await Task.Delay(100);
        }
    }

    private sealed record DeliveryAnswer(
        Guid Id, Guid EventId, string EventType, string Status, int Attempts, DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? DeliveredAt, DateTime? DeadLetteredAt, int Replays) : JsonAnswer;
}
