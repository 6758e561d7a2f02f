using KnowledgeRenewal.Kernel.Telemetry;
using System.Globalization;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>What a purge did.</summary>
/// <param name="Purged">Records removed.</param>
/// <param name="FromSequence">First sequence removed (null when none).</param>
/// <param name="ToSequence">Last sequence removed, the new anchor (null when none).</param>
/// <param name="Cutoff">Records older than this (UTC) were eligible.</param>
/// <param name="RetentionDays">The retention applied (never below 180 days).</param>
internal sealed record AuditPurgeResult(long Purged, long? FromSequence, long? ToSequence, DateTime Cutoff, int RetentionDays);

/// <summary>
/// Removes audit records past the retention period (<c>Audit:RetentionDays</c>, never less than
/// <see cref="AuditOptions.MinimumRetentionDays"/> whatever is configured). The only code path that deletes audit
/// records. It removes the oldest part of the chain only — every record before the first one still within the
/// retention period — and, in the same transaction, moves the head's anchor to the last removed record (so
/// <see cref="AuditChain.Verify"/> still passes from there) and appends an <c>audit.purged</c> record.
/// </summary>
internal sealed class AuditPurger(PlatformDbContext db, AuditWriter writer, IAuditActorProvider actors, TimeProvider clock, IOptions<AuditOptions> options)
{
    private const string ReadHead = """SELECT "AnchorSequence", "LastSequence" FROM "AuditChainHead" WHERE "Id" = 1""";
    private const string FirstKept = """SELECT MIN("Sequence") FROM "AuditRecords" WHERE "OccurredAt" >= @cutoff""";
    private const string HashOf = """SELECT "Hash" FROM "AuditRecords" WHERE "Sequence" = @sequence""";
    private const string Delete = """DELETE FROM "AuditRecords" WHERE "Sequence" <= @sequence""";
    private const string MoveAnchor = """UPDATE "AuditChainHead" SET "AnchorSequence" = @sequence, "AnchorHash" = @hash WHERE "Id" = 1""";

    /// <summary>Purges now and returns what was removed.</summary>
    public async Task<AuditPurgeResult> PurgeAsync(CancellationToken cancellationToken)
    {
        var retentionDays = options.Value.EffectiveRetentionDays;
        var now = AuditChain.Normalize(clock.GetUtcNow().UtcDateTime);
        var cutoff = now.AddDays(-retentionDays);
        var actor = actors.Current;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sql = AuditSql.For(db);
        await AuditWriter.LockHeadAsync(sql, now, sync: false, cancellationToken).ConfigureAwait(false);

        long anchor;
        long last;
        using (var read = sql.Command(ReadHead))
        {
            using var reader = await AuditSql.ReaderAsync(read, sync: false, cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            anchor = reader.GetInt64(0);
            last = reader.GetInt64(1);
        }

        // Everything before the oldest record still within the retention period goes; nothing after it, even if
        // older (times can step back, e.g. after a clock correction), so what remains is an unbroken chain.
        long firstKept;
        using (var find = sql.Command(FirstKept))
        {
            sql.Add(find, "@cutoff", cutoff);
            firstKept = Convert.ToInt64(await AuditSql.ScalarAsync(find, sync: false, cancellationToken).ConfigureAwait(false) ?? last + 1, CultureInfo.InvariantCulture);
        }

        var newAnchor = firstKept - 1;
        var result = new AuditPurgeResult(0, null, null, cutoff, retentionDays);
        if (newAnchor > anchor)
        {
            string hash;
            using (var read = sql.Command(HashOf))
            {
                sql.Add(read, "@sequence", newAnchor);
                hash = await AuditSql.ScalarAsync(read, sync: false, cancellationToken).ConfigureAwait(false) as string
                    ?? throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Audit record {newAnchor} is missing, so the chain is broken; the purge refuses to run. Verify the chain (GET /api/audit/verify) and investigate."));
            }

            long deleted;
            using (var delete = sql.Command(Delete))
            {
                sql.Add(delete, "@sequence", newAnchor);
                deleted = await AuditSql.ExecuteAsync(delete, sync: false, cancellationToken).ConfigureAwait(false);
            }

            using (var move = sql.Command(MoveAnchor))
            {
                sql.Add(move, "@sequence", newAnchor);
                sql.Add(move, "@hash", hash);
                await AuditSql.ExecuteAsync(move, sync: false, cancellationToken).ConfigureAwait(false);
            }

            result = result with { Purged = deleted, FromSequence = anchor + 1, ToSequence = newAnchor };
        }

        var details = string.Create(
            CultureInfo.InvariantCulture,
            $"count={result.Purged}; range={(result.Purged > 0 ? $"{result.FromSequence}-{result.ToSequence}" : "none")}; cutoff={cutoff:O}; retentionDays={retentionDays}");
        await writer.AppendAsync(db, [new AuditEntry(actor, new AuditEvent(AuditActions.AuditPurged, AuditOutcome.Success, nameof(AuditRecord), null, details))], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }
}

/// <summary>
/// Purges the audit log in the background once per <c>Audit:PurgeInterval</c> (off with <c>Audit:PurgeEnabled=false</c>).
/// Its heartbeat is the readiness check <c>worker:audit-purge</c> (when purging is on).
/// </summary>
internal sealed partial class AuditPurgeService(
    IServiceScopeFactory scopes,
    IOptions<AuditOptions> options,
    TimeProvider clock,
    WorkerHeartbeats heartbeats,
    ILogger<AuditPurgeService> logger) : BackgroundService
{
    /// <summary>The worker's name (readiness check <c>worker:audit-purge</c>).</summary>
    internal const string Worker = "audit-purge";

    /// <summary>How long one purge may run before the worker counts as stuck.</summary>
    internal static readonly TimeSpan StallAfter = TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.PurgeEnabled)
        {
            return;
        }

        var heartbeat = heartbeats.For(Worker, StallAfter);
        using var running = heartbeat.Run();
        try
        {
            await Task.Delay(settings.PurgeInitialDelay, clock, stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(settings.PurgeInterval, clock);
            do
            {
                heartbeat.Busy();
                await PurgeOnceAsync(stoppingToken).ConfigureAwait(false);
                heartbeat.Idle();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PurgeOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var system = SystemScope.Enter();
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditPurger>().PurgeAsync(stoppingToken).ConfigureAwait(false);
            Purged(logger, result.Purged, result.Cutoff);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed purge must not stop the platform; it is logged and retried at the next interval.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PurgeFailed(logger, exception);
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Audit purge removed {Count} record(s) older than {Cutoff:O}")]
    private static partial void Purged(ILogger logger, long count, DateTime cutoff);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Audit purge failed; it is retried at the next interval")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
