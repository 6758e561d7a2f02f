using System.Security.Cryptography;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;

namespace KnowledgeRenewal.UnitTests.Audit;

/// <summary>The audit log's hash chain: any edit, deletion, insertion or reordering is found; purges keep it verifiable.</summary>
public class AuditChainTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly DateTime Start = new(2026, 3, 1, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void An_intact_chain_verifies()
    {
        var (records, head) = Chain(5);

        var result = AuditChain.Verify(records, head, Key);

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(5, result.RecordsChecked);
        Assert.Null(result.BrokenAtSequence);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void An_empty_chain_verifies_against_a_fresh_head()
    {
        var result = AuditChain.Verify([], new AuditChainHead(), Key);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.RecordsChecked);
    }

    [Theory]
    [InlineData(nameof(AuditRecord.OccurredAt))]
    [InlineData(nameof(AuditRecord.UserId))]
    [InlineData(nameof(AuditRecord.UserName))]
    [InlineData(nameof(AuditRecord.Roles))]
    [InlineData(nameof(AuditRecord.OrganizationId))]
    [InlineData(nameof(AuditRecord.ClientId))]
    [InlineData(nameof(AuditRecord.Action))]
    [InlineData(nameof(AuditRecord.EntityType))]
    [InlineData(nameof(AuditRecord.EntityKey))]
    [InlineData(nameof(AuditRecord.Outcome))]
    [InlineData(nameof(AuditRecord.SourceIp))]
    [InlineData(nameof(AuditRecord.CorrelationId))]
    [InlineData(nameof(AuditRecord.Details))]
    public void Altering_any_field_of_a_middle_record_breaks_the_chain_at_that_record(string field)
    {
        var (records, head) = Chain(5);
        records[2] = Alter(records[2], field);

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAtSequence);
        Assert.Equal(2, result.RecordsChecked);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Altering_a_previous_hash_breaks_the_chain_at_that_record()
    {
        var (records, head) = Chain(5);
        records[2] = Copy(records[2], previousHash: records[0].Hash);

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAtSequence);
        Assert.Contains("previous-hash", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Re_hashing_an_altered_record_without_the_key_is_found()
    {
        var (records, head) = Chain(5);
        var forged = Alter(records[2], nameof(AuditRecord.Details));
        records[2] = Copy(forged, hash: AuditChain.ComputeHash(forged, RandomNumberGenerator.GetBytes(32)));

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAtSequence);
    }

    [Fact]
    public void Deleting_a_middle_record_is_found_as_missing()
    {
        var (records, head) = Chain(5);
        records.RemoveAt(2);

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.BrokenAtSequence); // where the gap shows: record 4 follows record 2
        Assert.Contains("missing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_newest_record_is_found_against_the_head()
    {
        var (records, head) = Chain(5);
        records.RemoveAt(4);

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(5, result.BrokenAtSequence);
        Assert.Equal(4, result.RecordsChecked);
        Assert.Contains("head", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_the_head_back_needs_the_hash_of_the_new_newest_record()
    {
        // Whoever deletes the newest record must also move the head back, and cannot compute a matching head hash
        // for a record they invent: moving the head to record 4 hides the deletion only if they can write the head.
        var (records, head) = Chain(5);
        records.RemoveAt(4);
        head.LastHash = new string('f', 64);
        head.LastSequence = 4;

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(5, result.BrokenAtSequence);
    }

    [Fact]
    public void Inserting_a_record_is_found()
    {
        var (records, head) = Chain(5);
        records.Insert(2, Copy(records[1], sequence: 3));

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAtSequence);
    }

    [Fact]
    public void Reordering_records_is_found()
    {
        var (records, head) = Chain(5);
        (records[1], records[2]) = (records[2], records[1]);

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAtSequence);
        Assert.Equal(1, result.RecordsChecked);
    }

    [Fact]
    public void Renumbering_swapped_records_is_found()
    {
        var (records, head) = Chain(5);
        (records[1], records[2]) = (Copy(records[2], sequence: 2), Copy(records[1], sequence: 3));

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.BrokenAtSequence);
    }

    [Fact]
    public void A_wrong_key_breaks_the_chain_at_the_first_record()
    {
        var (records, head) = Chain(5);

        var result = AuditChain.Verify(records, head, RandomNumberGenerator.GetBytes(32));

        Assert.False(result.IsIntact);
        Assert.Equal(1, result.BrokenAtSequence);
        Assert.Contains("altered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_purge_the_chain_verifies_from_the_anchor()
    {
        var (records, head) = Chain(6);
        head.AnchorSequence = 2;
        head.AnchorHash = records[1].Hash;
        records.RemoveRange(0, 2);

        var result = AuditChain.Verify(records, head, Key);

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(4, result.RecordsChecked);
    }

    [Fact]
    public void After_a_purge_a_wrong_anchor_hash_is_found()
    {
        var (records, head) = Chain(6);
        head.AnchorSequence = 2;
        head.AnchorHash = records[0].Hash;
        records.RemoveRange(0, 2);

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAtSequence);
    }

    [Fact]
    public void After_a_purge_deleting_more_old_records_is_found()
    {
        var (records, head) = Chain(6);
        head.AnchorSequence = 2;
        head.AnchorHash = records[1].Hash;
        records.RemoveRange(0, 3);

        var result = AuditChain.Verify(records, head, Key);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.BrokenAtSequence);
    }

    [Fact]
    public void A_purge_of_every_record_verifies_when_the_head_is_the_anchor()
    {
        var (records, head) = Chain(3);
        head.AnchorSequence = 3;
        head.AnchorHash = records[2].Hash;

        var result = AuditChain.Verify([], head, Key);

        Assert.True(result.IsIntact, result.Reason);
    }

    [Fact]
    public void Normalize_truncates_to_microseconds_and_marks_UTC()
    {
        var precise = new DateTime(638_765_432_101_234_567, DateTimeKind.Unspecified);

        var normalized = AuditChain.Normalize(precise);

        Assert.Equal(638_765_432_101_234_560, normalized.Ticks);
        Assert.Equal(DateTimeKind.Utc, normalized.Kind);
        Assert.Equal(normalized, AuditChain.Normalize(normalized));
    }

    [Fact]
    public void The_hash_does_not_depend_on_sub_microsecond_ticks()
    {
        var record = Record(1, AuditChain.GenesisHash, Start.AddTicks(1234560));

        Assert.Equal(AuditChain.ComputeHash(record, Key), AuditChain.ComputeHash(Copy(record, occurredAt: Start.AddTicks(1234567)), Key));
    }

    [Fact]
    public void The_hash_ignores_the_records_own_hash()
    {
        var record = Record(1, AuditChain.GenesisHash, Start);

        Assert.Equal(AuditChain.ComputeHash(Copy(record, hash: "a"), Key), AuditChain.ComputeHash(Copy(record, hash: "b"), Key));
    }

    [Fact]
    public void Moving_a_character_between_adjacent_fields_changes_the_hash()
    {
        var record = Record(1, AuditChain.GenesisHash, Start);
        var first = Copy(record, userName: "ab", roles: "c");
        var second = Copy(record, userName: "a", roles: "bc");

        Assert.NotEqual(AuditChain.ComputeHash(first, Key), AuditChain.ComputeHash(second, Key));
    }

    [Fact]
    public void A_missing_value_and_an_empty_value_hash_differently()
    {
        var record = Record(1, AuditChain.GenesisHash, Start);

        Assert.NotEqual(AuditChain.ComputeHash(Copy(record, clientId: ""), Key), AuditChain.ComputeHash(Copy(record, clientId: null), Key));
    }

    [Fact]
    public void The_hash_is_lower_case_hex_sha256()
    {
        var hash = AuditChain.ComputeHash(Record(1, AuditChain.GenesisHash, Start), Key);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(64, AuditChain.GenesisHash.Length);
    }

    private static (List<AuditRecord> Records, AuditChainHead Head) Chain(int count)
    {
        var records = new List<AuditRecord>();
        var previous = AuditChain.GenesisHash;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var record = Record(sequence, previous, Start.AddMinutes(sequence).AddTicks(sequence * 10));
            records.Add(record);
            previous = record.Hash;
        }

        return (records, new AuditChainHead { LastSequence = count, LastHash = previous, UpdatedAt = Start });
    }

    private static AuditRecord Record(long sequence, string previousHash, DateTime occurredAt)
    {
        var draft = new AuditRecord
        {
            Sequence = sequence,
            OccurredAt = AuditChain.Normalize(occurredAt),
            UserId = Guid.Parse("0195f0a2-6d3c-7b7e-9a51-3c1f2b8d4e10"),
            UserName = "zhang.wei",
            Roles = "county-admin",
            OrganizationId = Guid.Parse("0195f0a2-6d3c-7b7e-9a51-3c1f2b8d4e11"),
            ClientId = null,
            Action = sequence % 2 == 0 ? AuditActions.DataUpdated : AuditActions.SignIn,
            EntityType = "Organization",
            EntityKey = "42",
            Outcome = AuditOutcome.Success,
            SourceIp = "10.0.0.7",
            CorrelationId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            Details = "count=1",
            PreviousHash = previousHash,
            Hash = "",
        };
        return Copy(draft, hash: AuditChain.ComputeHash(draft, Key));
    }

    private static AuditRecord Alter(AuditRecord record, string field) => field switch
    {
        nameof(AuditRecord.OccurredAt) => Copy(record, occurredAt: record.OccurredAt.AddMicroseconds(1)),
        nameof(AuditRecord.UserId) => Copy(record, userId: Guid.Empty),
        nameof(AuditRecord.UserName) => Copy(record, userName: "li.na"),
        nameof(AuditRecord.Roles) => Copy(record, roles: "program-office-admin"),
        nameof(AuditRecord.OrganizationId) => Copy(record, organizationId: Guid.Empty),
        nameof(AuditRecord.ClientId) => Copy(record, clientId: "integrator"),
        nameof(AuditRecord.Action) => Copy(record, action: AuditActions.DataDeleted),
        nameof(AuditRecord.EntityType) => Copy(record, entityType: "PlatformUser"),
        nameof(AuditRecord.EntityKey) => Copy(record, entityKey: "43"),
        nameof(AuditRecord.Outcome) => Copy(record, outcome: AuditOutcome.Failure),
        nameof(AuditRecord.SourceIp) => Copy(record, sourceIp: "10.0.0.8"),
        nameof(AuditRecord.CorrelationId) => Copy(record, correlationId: "another"),
        nameof(AuditRecord.Details) => Copy(record, details: "count=2"),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static AuditRecord Copy(
        AuditRecord r,
        long? sequence = null,
        DateTime? occurredAt = null,
        Guid? userId = null,
        string? userName = null,
        string? roles = null,
        Guid? organizationId = null,
        string? clientId = "\0keep",
        string? action = null,
        string? entityType = null,
        string? entityKey = null,
        AuditOutcome? outcome = null,
        string? sourceIp = null,
        string? correlationId = null,
        string? details = null,
        string? previousHash = null,
        string? hash = null) => new()
    {
        Sequence = sequence ?? r.Sequence,
        OccurredAt = occurredAt ?? r.OccurredAt,
        UserId = userId ?? r.UserId,
        UserName = userName ?? r.UserName,
        Roles = roles ?? r.Roles,
        OrganizationId = organizationId ?? r.OrganizationId,
        ClientId = clientId == "\0keep" ? r.ClientId : clientId,
        Action = action ?? r.Action,
        EntityType = entityType ?? r.EntityType,
        EntityKey = entityKey ?? r.EntityKey,
        Outcome = outcome ?? r.Outcome,
        SourceIp = sourceIp ?? r.SourceIp,
        CorrelationId = correlationId ?? r.CorrelationId,
        Details = details ?? r.Details,
        PreviousHash = previousHash ?? r.PreviousHash,
        Hash = hash ?? r.Hash,
    };

    [Fact]
    public void A_signed_head_is_authentic_and_a_moved_or_unsigned_head_is_not()
    {
        var key = new byte[32];
        key[0] = 7;
        var head = new AuditChainHead { LastSequence = 5, LastHash = "ab", AnchorSequence = 2, AnchorHash = "cd" };
        head.Signature = AuditChain.SignHead(5, "ab", 2, "cd", key);

        Assert.True(AuditChain.IsAuthentic(head, key));
        Assert.False(AuditChain.IsAuthentic(new AuditChainHead { LastSequence = 4, LastHash = "ab", AnchorSequence = 2, AnchorHash = "cd", Signature = head.Signature }, key));
        Assert.False(AuditChain.IsAuthentic(new AuditChainHead { LastSequence = 5, LastHash = "ab", AnchorSequence = 2, AnchorHash = "cd" }, key));
        Assert.False(AuditChain.IsAuthentic(head, new byte[32]));
        Assert.True(AuditChain.IsAuthentic(new AuditChainHead(), key));
    }
}
