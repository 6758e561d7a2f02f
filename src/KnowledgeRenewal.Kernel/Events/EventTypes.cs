using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Events;

/// <summary>
/// The event types integrators can subscribe to (ADR 0035): stable names (never renamed; a new meaning gets a new
/// name) and the feed scope a client needs to receive each.
/// </summary>
public static class EventTypes
{
    /// <summary>A credit record became approved (recorded approved, or a pending one approved).</summary>
    public const string CreditRecordApproved = "credit-record.approved";

    /// <summary>An approved credit record was revoked (also when corrected).</summary>
    public const string CreditRecordRevoked = "credit-record.revoked";

    /// <summary>A certificate was issued.</summary>
    public const string CertificateIssued = "certificate.issued";

    /// <summary>A certificate was superseded by a new version.</summary>
    public const string CertificateSuperseded = "certificate.superseded";

    /// <summary>A certificate was revoked.</summary>
    public const string CertificateRevoked = "certificate.revoked";

    /// <summary>A person's cycle compliance was computed for the first time or its status or counted hours changed.</summary>
    public const string ComplianceChanged = "compliance.changed";

    /// <summary>A project's state changed (or a project was created).</summary>
    public const string ProjectStateChanged = "project.state-changed";

    /// <summary>Every event type with the feed scope its receivers need.</summary>
    public static IReadOnlyDictionary<string, string> Feeds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CreditRecordApproved] = FeedScopes.Credits,
        [CreditRecordRevoked] = FeedScopes.Credits,
        [CertificateIssued] = FeedScopes.Credits,
        [CertificateSuperseded] = FeedScopes.Credits,
        [CertificateRevoked] = FeedScopes.Credits,
        [ComplianceChanged] = FeedScopes.Credits,
        [ProjectStateChanged] = FeedScopes.Credits,
    };

    /// <summary>Every event type, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Feeds.Keys];
}
