namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// One entry of the append-only, hash-chained audit log. <see cref="Hash"/> is an HMAC over every field and the
/// previous record's hash, so editing, deleting or inserting a record breaks the chain (see <see cref="AuditChain"/>).
/// No code path updates or deletes records; only the retention purge removes the oldest, past the retention period.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>Position in the chain: 1, 2, 3 … without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>When it happened (UTC, microsecond precision so every provider stores it exactly).</summary>
    public DateTime OccurredAt { get; init; }

    /// <summary>The acting account, if a person acted.</summary>
    public Guid? UserId { get; init; }

    /// <summary>The acting account's user name (or the attempted one for a failed sign-in).</summary>
    public string? UserName { get; init; }

    /// <summary>The actor's roles, comma-separated.</summary>
    public string? Roles { get; init; }

    /// <summary>The actor's organization.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>The acting integrator client, if a client acted.</summary>
    public string? ClientId { get; init; }

    /// <summary>What happened, e.g. <c>auth.sign_in</c> or <c>data.update</c> (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; init; }

    /// <summary>The kind of entity concerned, e.g. <c>Organization</c>.</summary>
    public string? EntityType { get; init; }

    /// <summary>The key(s) of the entity concerned.</summary>
    public string? EntityKey { get; init; }

    /// <summary>Success, failure or denial.</summary>
    public AuditOutcome Outcome { get; init; }

    /// <summary>The caller's IP address.</summary>
    public string? SourceIp { get; init; }

    /// <summary>The request's correlation (trace) id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Further facts (never personal data such as ID numbers or phone numbers).</summary>
    public string? Details { get; init; }

    /// <summary>The previous record's <see cref="Hash"/> (the purge anchor's for the first record kept).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>HMAC-SHA256 (hex) of this record's fields and <see cref="PreviousHash"/>.</summary>
    public required string Hash { get; init; }
}

/// <summary>The one-row head of the chain: last sequence and hash, and the anchor left by purges.</summary>
public sealed class AuditChainHead
{
    /// <summary>Always 1.</summary>
    public int Id { get; init; } = 1;

    /// <summary>Sequence of the newest record (0 when none).</summary>
    public long LastSequence { get; set; }

    /// <summary>Hash of the newest record (the anchor hash when none).</summary>
    public string LastHash { get; set; } = AuditChain.GenesisHash;

    /// <summary>Sequence of the newest purged record (0 when nothing was purged).</summary>
    public long AnchorSequence { get; set; }

    /// <summary>Hash of the newest purged record (<see cref="AuditChain.GenesisHash"/> when nothing was purged).</summary>
    public string AnchorHash { get; set; } = AuditChain.GenesisHash;

    /// <summary>
    /// HMAC of the four positions above (see <see cref="AuditChain.SignHead"/>): without the key nobody can move the
    /// head back to hide removed newest records. Empty only in the untouched initial state.
    /// </summary>
    public string Signature { get; set; } = "";

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    /// <summary>It happened.</summary>
    Success = 1,

    /// <summary>It was attempted and failed (e.g. wrong password).</summary>
    Failure = 2,

    /// <summary>It was refused by access control.</summary>
    Denied = 3,
}

/// <summary>An event to record; the actor, time and chain fields are filled in by the audit trail.</summary>
/// <param name="Action">What happened (see <see cref="AuditActions"/>).</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="EntityType">The kind of entity concerned.</param>
/// <param name="EntityKey">Its key.</param>
/// <param name="Details">Further facts (no personal data).</param>
/// <param name="UserName">The account name, when the actor is not (yet) signed in — e.g. a failed sign-in.</param>
public sealed record AuditEvent(
    string Action,
    AuditOutcome Outcome = AuditOutcome.Success,
    string? EntityType = null,
    string? EntityKey = null,
    string? Details = null,
    string? UserName = null);

/// <summary>Writes audit records. If writing fails, the caller's action must fail too (the exception propagates).</summary>
public interface IAuditTrail
{
    /// <summary>Appends one record for the current actor, in its own transaction.</summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}

/// <summary>Who is acting, as the audit log records it.</summary>
/// <param name="UserId">The account, if a person acts.</param>
/// <param name="UserName">The account's user name.</param>
/// <param name="Roles">Comma-separated roles.</param>
/// <param name="OrganizationId">The actor's organization.</param>
/// <param name="ClientId">The integrator client, if a client acts.</param>
/// <param name="SourceIp">The caller's IP address.</param>
/// <param name="CorrelationId">The request's trace id.</param>
public sealed record AuditActor(Guid? UserId, string? UserName, string? Roles, Guid? OrganizationId, string? ClientId, string? SourceIp, string? CorrelationId)
{
    /// <summary>The platform itself (start-up, background work).</summary>
    public static AuditActor System { get; } = new(null, "system", null, null, null, null, null);

    /// <summary>How the actor is named in records it leaves (history, reviews): the user name, else the client id.</summary>
    public string Name => UserName ?? ClientId ?? "system";
}

/// <summary>Provides the current actor (the request's caller, or <see cref="AuditActor.System"/>).</summary>
public interface IAuditActorProvider
{
    /// <summary>The current actor.</summary>
    AuditActor Current { get; }
}
