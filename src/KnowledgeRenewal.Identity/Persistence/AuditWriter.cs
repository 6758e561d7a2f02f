using System.Data.Common;
using System.Globalization;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>
/// Appends records to the audit chain with plain ADO.NET on a context's connection, inside the context's current
/// transaction (the caller's business transaction, or one of its own). The only code that inserts audit records;
/// nothing updates them. Portable SQL (double-quoted identifiers, <c>@named</c> parameters typed by the provider's
/// own EF type mappings) runs on SQLite, PostgreSQL and SQL Server, and works from any DbContext on the platform's
/// database — the platform's or a module's.
/// <para>
/// Concurrency: the first statement updates the head row, which takes its row lock (PostgreSQL, SQL Server) or the
/// database write lock (SQLite) until the transaction ends, so concurrent writers append one after another and the
/// chain has no gaps or forks.
/// </para>
/// </summary>
internal sealed class AuditWriter(AuditKey key, TimeProvider clock) : IBulkAuditWriter
{
    // Column sizes of AuditRecordConfiguration; longer values are cut (with "…") rather than failing the action.
    internal const int UserNameLength = 128;
    internal const int RolesLength = 256;
    internal const int ClientIdLength = 128;
    internal const int ActionLength = 64;
    internal const int EntityTypeLength = 128;
    internal const int EntityKeyLength = 1024;
    internal const int SourceIpLength = 64;
    internal const int CorrelationIdLength = 128;
    internal const int DetailsLength = 2048;

    private const string LockHead = """UPDATE "AuditChainHead" SET "UpdatedAt" = @now WHERE "Id" = 1""";
    private const string ReadHead = """SELECT "LastSequence", "LastHash", "AnchorSequence", "AnchorHash" FROM "AuditChainHead" WHERE "Id" = 1""";
    private const string MoveHead = """UPDATE "AuditChainHead" SET "LastSequence" = @sequence, "LastHash" = @hash, "Signature" = @signature, "UpdatedAt" = @now WHERE "Id" = 1""";

    private const string Insert = """
        INSERT INTO "AuditRecords" ("Sequence", "OccurredAt", "UserId", "UserName", "Roles", "OrganizationId", "ClientId", "Action", "EntityType", "EntityKey", "Outcome", "SourceIp", "CorrelationId", "Details", "PreviousHash", "Hash")
        VALUES (@sequence, @occurredAt, @userId, @userName, @roles, @organizationId, @clientId, @action, @entityType, @entityKey, @outcome, @sourceIp, @correlationId, @details, @previousHash, @hash)
        """;

    /// <summary>
    /// Appends <paramref name="entries"/> on <paramref name="context"/>'s connection in its current transaction
    /// (which must exist) and returns the records written. Throws when the chain head is missing or the database
    /// refuses the write; the caller's transaction must then be rolled back.
    /// </summary>
    public Task<IReadOnlyList<AuditRecord>> AppendAsync(DbContext context, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        AppendCoreAsync(AuditSql.For(context), entries, sync: false, cancellationToken);

    /// <inheritdoc />
    Task IBulkAuditWriter.AppendAsync(DbContext context, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        AppendAsync(context, entries, cancellationToken);

    /// <summary>Synchronous <see cref="AppendAsync"/> (for synchronous <c>SaveChanges</c>).</summary>
    public IReadOnlyList<AuditRecord> Append(DbContext context, IReadOnlyList<AuditEntry> entries) =>
        AppendCoreAsync(AuditSql.For(context), entries, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Takes the head's lock in the current transaction; throws when the head row is missing.</summary>
    internal static async Task LockHeadAsync(AuditSql sql, DateTime now, bool sync, CancellationToken cancellationToken)
    {
        using var command = sql.Command(LockHead);
        sql.Add(command, "@now", now);
        var rows = await AuditSql.ExecuteAsync(command, sync, cancellationToken).ConfigureAwait(false);
        if (rows != 1)
        {
            throw new InvalidOperationException(
                "The audit chain head (table \"AuditChainHead\", row \"Id\" = 1) is missing, so no audit record can be written and the audited action is refused. "
                + "Restore the row from a backup and verify the chain (GET /api/audit/verify).");
        }
    }

    internal async Task<IReadOnlyList<AuditRecord>> AppendCoreAsync(AuditSql sql, IReadOnlyList<AuditEntry> entries, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }

        // 1. Lock the head: from here until commit or rollback no one else appends.
        await LockHeadAsync(sql, AuditChain.Normalize(clock.GetUtcNow().UtcDateTime), sync, cancellationToken).ConfigureAwait(false);

        // 2. Where the chain ends.
        long sequence;
        string previousHash;
        long anchorSequence;
        string anchorHash;
        using (var read = sql.Command(ReadHead))
        {
            using var reader = await AuditSql.ReaderAsync(read, sync, cancellationToken).ConfigureAwait(false);
            if (!(sync ? reader.Read() : await reader.ReadAsync(cancellationToken).ConfigureAwait(false)))
            {
                throw new InvalidOperationException("The audit chain head disappeared while it was locked.");
            }

            sequence = reader.GetInt64(0);
            previousHash = reader.GetString(1);
            anchorSequence = reader.GetInt64(2);
            anchorHash = reader.GetString(3);
        }

        // 3. Chain the records. The time is taken under the lock, so it grows with the sequence.
        var now = AuditChain.Normalize(clock.GetUtcNow().UtcDateTime);
        var written = new List<AuditRecord>(entries.Count);
        using (var insert = sql.Command(Insert))
        {
            foreach (var entry in entries)
            {
                var record = Chain(entry, ++sequence, now, previousHash);
                insert.Parameters.Clear();
                sql.Add(insert, "@sequence", record.Sequence);
                sql.Add(insert, "@occurredAt", record.OccurredAt);
                sql.Add(insert, "@userId", record.UserId);
                sql.Add(insert, "@userName", record.UserName);
                sql.Add(insert, "@roles", record.Roles);
                sql.Add(insert, "@organizationId", record.OrganizationId);
                sql.Add(insert, "@clientId", record.ClientId);
                sql.Add(insert, "@action", record.Action);
                sql.Add(insert, "@entityType", record.EntityType);
                sql.Add(insert, "@entityKey", record.EntityKey);
                sql.Add(insert, "@outcome", record.Outcome.ToString()); // stored by name, as the EF model does
                sql.Add(insert, "@sourceIp", record.SourceIp);
                sql.Add(insert, "@correlationId", record.CorrelationId);
                sql.Add(insert, "@details", record.Details);
                sql.Add(insert, "@previousHash", record.PreviousHash);
                sql.Add(insert, "@hash", record.Hash);
                await AuditSql.ExecuteAsync(insert, sync, cancellationToken).ConfigureAwait(false);
                previousHash = record.Hash;
                written.Add(record);
            }
        }

        // 4. Move the head to the newest record, and sign its new position.
        using (var move = sql.Command(MoveHead))
        {
            sql.Add(move, "@sequence", sequence);
            sql.Add(move, "@hash", previousHash);
            sql.Add(move, "@signature", AuditChain.SignHead(sequence, previousHash, anchorSequence, anchorHash, key.Bytes));
            sql.Add(move, "@now", now);
            await AuditSql.ExecuteAsync(move, sync, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private AuditRecord Chain(AuditEntry entry, long sequence, DateTime now, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (actor, e) = (entry.Actor, entry.Event);
        ArgumentException.ThrowIfNullOrWhiteSpace(e.Action);
        var draft = new AuditRecord
        {
            Sequence = sequence,
            OccurredAt = now,
            UserId = actor.UserId,
            UserName = Clip(e.UserName ?? actor.UserName, UserNameLength),
            Roles = Clip(actor.Roles, RolesLength),
            OrganizationId = actor.OrganizationId,
            ClientId = Clip(actor.ClientId, ClientIdLength),
            Action = Clip(e.Action, ActionLength)!,
            EntityType = Clip(e.EntityType, EntityTypeLength),
            EntityKey = Clip(e.EntityKey, EntityKeyLength),
            Outcome = e.Outcome,
            SourceIp = Clip(actor.SourceIp, SourceIpLength),
            CorrelationId = Clip(actor.CorrelationId, CorrelationIdLength),
            Details = Clip(e.Details, DetailsLength),
            PreviousHash = previousHash,
            Hash = "",
        };

        return new AuditRecord
        {
            Sequence = draft.Sequence,
            OccurredAt = draft.OccurredAt,
            UserId = draft.UserId,
            UserName = draft.UserName,
            Roles = draft.Roles,
            OrganizationId = draft.OrganizationId,
            ClientId = draft.ClientId,
            Action = draft.Action,
            EntityType = draft.EntityType,
            EntityKey = draft.EntityKey,
            Outcome = draft.Outcome,
            SourceIp = draft.SourceIp,
            CorrelationId = draft.CorrelationId,
            Details = draft.Details,
            PreviousHash = draft.PreviousHash,
            Hash = AuditChain.ComputeHash(draft, key.Bytes),
        };
    }

    private static string? Clip(string? value, int length) =>
        value is null || value.Length <= length ? value : string.Concat(value.AsSpan(0, length - 1), "…");
}

/// <summary>
/// Raw SQL on a context's connection and current transaction, with parameters typed by the provider's EF type
/// mappings (so a <see cref="Guid"/> is TEXT on SQLite, a <see cref="DateTime"/> is <c>datetime2</c> on SQL Server
/// and <c>timestamptz</c> on PostgreSQL — exactly as EF itself writes them).
/// </summary>
internal sealed class AuditSql
{
    private readonly DbConnection connection;
    private readonly DbTransaction? transaction;
    private readonly IRelationalTypeMappingSource mappings;
    private readonly int? timeout;

    private AuditSql(DbConnection connection, DbTransaction? transaction, IRelationalTypeMappingSource mappings, int? timeout)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.mappings = mappings;
        this.timeout = timeout;
    }

    /// <summary>The context's connection and transaction. A transaction (or an ambient one) is required.</summary>
    public static AuditSql For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        if (transaction is null && System.Transactions.Transaction.Current is null)
        {
            throw new InvalidOperationException("Audit records are written inside a transaction (the head's lock must last until commit); begin one first.");
        }

        return new AuditSql(context.Database.GetDbConnection(), transaction, context.GetService<IRelationalTypeMappingSource>(), context.Database.GetCommandTimeout());
    }

    public DbCommand Command(string text)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        if (timeout is { } seconds)
        {
            command.CommandTimeout = seconds;
        }

        return command;
    }

    public void Add<T>(DbCommand command, string name, T value)
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        var mapping = mappings.FindMapping(type)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The database provider has no mapping for {type.Name}."));
        command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: true));
    }

    public static async Task<int> ExecuteAsync(DbCommand command, bool sync, CancellationToken cancellationToken) =>
        sync ? command.ExecuteNonQuery() : await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    public static async Task<object?> ScalarAsync(DbCommand command, bool sync, CancellationToken cancellationToken)
    {
        var value = sync ? command.ExecuteScalar() : await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    public static async Task<DbDataReader> ReaderAsync(DbCommand command, bool sync, CancellationToken cancellationToken) =>
        sync ? command.ExecuteReader() : await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
}
