using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.EventSubscriptions;
using KnowledgeRenewal.Kernel.Events;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Identity;

/// <summary>The event push's rules (ADR 0035): the signature, the backoff schedule, dead-lettering, who receives what, which changes are events.</summary>
public class EventPushRulesTests
{
    private static readonly DateTimeOffset Sent = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_timestamp_dot_body()
    {
        // Computed independently: python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec-test", b"1700000000.{\"id\":\"x\"}", hashlib.sha256).hexdigest())'
        Assert.Equal("sha256=a011cc83d9ed494fd1b9659f5bcf0bc7dd5349dd15d02b313d6fc3b03064ce6a", EventSignature.Sign("whsec-test", 1_700_000_000, "{\"id\":\"x\"}"));
    }

    [Fact]
    public void A_receiver_accepts_a_fresh_signed_body_and_refuses_another_secret_body_or_a_replay_outside_five_minutes()
    {
        const string body = "{\"id\":\"x\"}";
        var signature = EventSignature.Sign("whsec-test", Sent.ToUnixTimeSeconds(), body);
        var timestamp = Sent.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(EventSignature.Verify("whsec-test", timestamp, body, signature, Sent.AddMinutes(4)));
        Assert.True(EventSignature.Verify("whsec-test", timestamp, body, signature, Sent.AddMinutes(-4)));
        Assert.False(EventSignature.Verify("whsec-test", timestamp, body, signature, Sent.AddMinutes(5).AddSeconds(1)));
        Assert.False(EventSignature.Verify("other", timestamp, body, signature, Sent));
        Assert.False(EventSignature.Verify("whsec-test", timestamp, body + " ", signature, Sent));
        Assert.False(EventSignature.Verify("whsec-test", (Sent.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), body, signature, Sent));
        Assert.False(EventSignature.Verify("whsec-test", "-5", body, signature, Sent));
        Assert.False(EventSignature.Verify("whsec-test", timestamp, body, null, Sent));
    }

    [Theory]
    [InlineData(1, 0.0, 15)]
    [InlineData(1, 0.999999, 30)]
    [InlineData(2, 0.0, 30)]
    [InlineData(3, 0.5, 90)]
    [InlineData(4, 0.0, 120)]
    [InlineData(8, 0.0, 1800)]
    [InlineData(9, 1.0, 3600)]
    [InlineData(40, 0.0, 1800)]
    public void Backoff_doubles_from_the_base_up_to_the_cap_with_half_of_it_random(int failures, double random, int expectedSeconds)
    {
        var delay = DeliveryBackoff.Delay(failures, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), random);
        Assert.Equal(expectedSeconds, delay.TotalSeconds, 0.01);
    }

    [Fact]
    public void Backoff_counts_failures_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryBackoff.Delay(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0));
    }

    [Fact]
    public void A_delivery_is_scheduled_again_until_its_attempts_are_used_up_then_dead_lettered_and_a_replay_starts_afresh()
    {
        var now = new DateTime(2026, 12, 8, 1, 0, 0, DateTimeKind.Utc);
        var delivery = new EventDelivery { EventType = EventTypes.CreditRecordApproved, NextAttemptAt = now, CreatedAt = now };
        Assert.False(delivery.Replay(now));

        delivery.Failed("HTTP 500 Internal Server Error", now, maxAttempts: 3, TimeSpan.FromSeconds(30));
        Assert.Equal(EventDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(now.AddSeconds(30), delivery.NextAttemptAt);
        delivery.Failed("Connection refused (127.0.0.1:1)", now.AddSeconds(30), maxAttempts: 3, TimeSpan.FromSeconds(60));
        Assert.Equal(EventDeliveryStatus.Pending, delivery.Status);
        delivery.Failed(new string('x', 900), now.AddSeconds(90), maxAttempts: 3, TimeSpan.FromSeconds(120));
        Assert.Equal(EventDeliveryStatus.DeadLettered, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(500, delivery.LastError!.Length);
        Assert.Equal(now.AddSeconds(90), delivery.DeadLetteredAt);

        Assert.True(delivery.Replay(now.AddHours(1)));
        Assert.Equal((EventDeliveryStatus.Pending, 0, 1, now.AddHours(1)), (delivery.Status, delivery.Attempts, delivery.Replays, delivery.NextAttemptAt));
        delivery.Succeeded(now.AddHours(1));
        Assert.Equal((EventDeliveryStatus.Delivered, 1), (delivery.Status, delivery.Attempts));
        Assert.Null(delivery.LastError);
    }

    [Fact]
    public void A_subscription_receives_its_types_after_it_was_created_while_its_client_holds_the_events_feed()
    {
        var created = new DateTime(2026, 12, 8, 1, 0, 0, DateTimeKind.Utc);
        var subscription = new EventSubscription
        {
            ClientId = "c", Url = "https://r.example/hook", ProtectedSecret = "p", CreatedAt = created,
            EventTypes = $"{EventTypes.CreditRecordApproved},{EventTypes.CertificateIssued}",
        };
        OutboxEvent Event(string type, DateTime at) => new() { Type = type, Feed = EventTypes.Feeds[type], Payload = "{}", OccurredAt = at };
        HashSet<string> credits = [FeedScopes.Credits];

        Assert.True(EventDispatcher.Receives(subscription, credits, Event(EventTypes.CreditRecordApproved, created.AddSeconds(1))));
        Assert.False(EventDispatcher.Receives(subscription, credits, Event(EventTypes.CreditRecordRevoked, created.AddSeconds(1))), "not subscribed");
        Assert.False(EventDispatcher.Receives(subscription, credits, Event(EventTypes.CreditRecordApproved, created.AddSeconds(-1))), "before the subscription");
        Assert.False(EventDispatcher.Receives(subscription, new HashSet<string> { FeedScopes.Catalog }, Event(EventTypes.CreditRecordApproved, created.AddSeconds(1))), "scope withdrawn");
        subscription.Active = false;
        Assert.False(EventDispatcher.Receives(subscription, credits, Event(EventTypes.CreditRecordApproved, created.AddSeconds(1))), "disabled");
    }

    [Theory]
    [InlineData(null, CreditRecordStatus.Approved, EventTypes.CreditRecordApproved)]
    [InlineData(CreditRecordStatus.Pending, CreditRecordStatus.Approved, EventTypes.CreditRecordApproved)]
    [InlineData(CreditRecordStatus.Approved, CreditRecordStatus.Revoked, EventTypes.CreditRecordRevoked)]
    [InlineData(null, CreditRecordStatus.Pending, null)]
    [InlineData(CreditRecordStatus.Pending, CreditRecordStatus.Rejected, null)]
    [InlineData(CreditRecordStatus.Approved, CreditRecordStatus.Approved, null)]
    public void A_record_raises_an_event_when_it_becomes_approved_or_is_revoked(CreditRecordStatus? before, CreditRecordStatus after, string? expected)
    {
        Assert.Equal(expected, CreditEvents.RecordEvent(before, after));
    }

    [Theory]
    [InlineData(null, CertificateStatus.Valid, EventTypes.CertificateIssued)]
    [InlineData(CertificateStatus.Valid, CertificateStatus.Superseded, EventTypes.CertificateSuperseded)]
    [InlineData(CertificateStatus.Valid, CertificateStatus.Revoked, EventTypes.CertificateRevoked)]
    [InlineData(CertificateStatus.Valid, CertificateStatus.Valid, null)]
    public void A_certificate_raises_an_event_when_issued_superseded_or_revoked(CertificateStatus? before, CertificateStatus after, string? expected)
    {
        Assert.Equal(expected, CreditEvents.CertificateEvent(before, after));
    }

    [Fact]
    public void Every_event_type_has_a_stable_dotted_name_and_a_feed_scope()
    {
        Assert.Equal(7, EventTypes.All.Count);
        Assert.All(EventTypes.All, t => Assert.Matches("^[a-z-]+\\.[a-z-]+$", t));
        Assert.All(EventTypes.Feeds.Values, f => Assert.Contains(f, FeedScopes.All));
    }
}
