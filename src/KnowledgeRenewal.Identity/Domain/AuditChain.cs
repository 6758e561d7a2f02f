using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// The audit log's hash chain: each record's hash is an HMAC-SHA256, under a key kept outside the database, of
/// its fields and the previous record's hash. Without the key nobody can forge a consistent chain; with the
/// chain, any edited, deleted or inserted record is found.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the very first record.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Truncates an instant to microseconds — the precision every provider stores exactly.</summary>
    public static DateTime Normalize(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>The hash of a record (its own <see cref="AuditRecord.Hash"/> is ignored).</summary>
    public static string ComputeHash(AuditRecord record, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder();
        // Length-prefixed fields: no separator inside a value can shift one field into the next.
        foreach (var field in Fields(record))
        {
            text.Append(field?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks the records (in sequence order) against the head; reports the first break.</summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> records, AuditChainHead head, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(head);
        var expectedSequence = head.AnchorSequence + 1;
        var expectedPrevious = head.AnchorHash;
        long count = 0;
        foreach (var record in records)
        {
            if (record.Sequence != expectedSequence)
            {
                return AuditVerification.Broken(count, record.Sequence, AuditBreak.SequenceGap, $"expected record {expectedSequence}, found {record.Sequence}: records are missing or were inserted");
            }

            if (!string.Equals(record.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(count, record.Sequence, AuditBreak.PreviousHashMismatch, "its previous-hash does not match the record before it");
            }

            if (!string.Equals(ComputeHash(record, key), record.Hash, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(count, record.Sequence, AuditBreak.Altered, "its content does not match its hash: the record was altered");
            }

            expectedPrevious = record.Hash;
            expectedSequence++;
            count++;
        }

        if (expectedSequence - 1 != head.LastSequence || !string.Equals(expectedPrevious, head.LastHash, StringComparison.Ordinal))
        {
            return AuditVerification.Broken(count, expectedSequence, AuditBreak.NewestRemoved, $"the chain ends at {expectedSequence - 1} but the head says {head.LastSequence}: newest records were removed or the head was altered");
        }

        return new AuditVerification(true, count, null, null);
    }

    /// <summary>The signature of the head's positions (newest record and purge anchor).</summary>
    public static string SignHead(long lastSequence, string lastHash, long anchorSequence, string anchorHash, byte[] key)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"head|{lastSequence}|{lastHash}|{anchorSequence}|{anchorHash}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Whether the head is authentic: signed with the key, or still in its untouched initial state. A head moved
    /// back (to hide removed newest records) or forward without the key fails.
    /// </summary>
    public static bool IsAuthentic(AuditChainHead head, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(head);
        var initial = head.LastSequence == 0 && head.AnchorSequence == 0 && head.LastHash == GenesisHash && head.AnchorHash == GenesisHash;
        return (initial && head.Signature.Length == 0)
            || string.Equals(head.Signature, SignHead(head.LastSequence, head.LastHash, head.AnchorSequence, head.AnchorHash, key), StringComparison.Ordinal);
    }

    private static IEnumerable<string?> Fields(AuditRecord record) =>
    [
        record.Sequence.ToString(CultureInfo.InvariantCulture),
        Normalize(record.OccurredAt).ToString("O", CultureInfo.InvariantCulture),
        record.UserId?.ToString("D"),
        record.UserName,
        record.Roles,
        record.OrganizationId?.ToString("D"),
        record.ClientId,
        record.Action,
        record.EntityType,
        record.EntityKey,
        record.Outcome.ToString(),
        record.SourceIp,
        record.CorrelationId,
        record.Details,
        record.PreviousHash,
    ];
}

/// <summary>The result of verifying the audit chain.</summary>
/// <param name="IsIntact">Whether every record and the head agree.</param>
/// <param name="RecordsChecked">Records verified before the first break (all when intact).</param>
/// <param name="BrokenAtSequence">The sequence where the chain breaks.</param>
/// <param name="Reason">Why it breaks (for operators, English).</param>
/// <param name="Break">What kind of break it is (null when intact); people read it in words (<c>AuditLabels.Break</c>).</param>
public sealed record AuditVerification(bool IsIntact, long RecordsChecked, long? BrokenAtSequence, string? Reason, AuditBreak? Break = null)
{
    /// <summary>A broken chain.</summary>
    public static AuditVerification Broken(long checkedCount, long sequence, AuditBreak kind, string reason) => new(false, checkedCount, sequence, reason, kind);
}

/// <summary>The kinds of break the audit-chain verification finds.</summary>
public enum AuditBreak
{
    /// <summary>The sequence has a gap or an extra record: records were removed or inserted.</summary>
    SequenceGap = 1,

    /// <summary>A record's previous-hash does not match the record before it.</summary>
    PreviousHashMismatch = 2,

    /// <summary>A record's content does not match its hash: it was altered.</summary>
    Altered = 3,

    /// <summary>The chain ends before the head's newest record: newest records were removed or the head was altered.</summary>
    NewestRemoved = 4,

    /// <summary>The chain head is missing.</summary>
    HeadMissing = 5,

    /// <summary>The head's signature does not match: the head was moved back or altered.</summary>
    HeadSignature = 6,
}
