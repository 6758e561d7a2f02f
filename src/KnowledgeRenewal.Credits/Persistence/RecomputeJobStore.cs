using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Book-keeping of recomputation jobs (ADR 0034): the job's creation is a <c>SaveChanges</c> (audited, the requester's
/// act); claiming, heartbeats and how it ended are set-based updates guarded by the job's state and lease, so two
/// instances never both take a job and an instance that lost its lease cannot overwrite it. Not audited (the
/// recomputation's writes are). Reads bypass the access-scope filter: only the program office and the system
/// administrator reach them (by role), and a job holds no personal data.
/// </summary>
internal static class RecomputeJobStore
{
    /// <summary>Finished jobs kept in the lists (all running ones are listed too).</summary>
    public const int Kept = 50;

    /// <summary>A job, or null.</summary>
    public static Task<RecomputeJob?> FindAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        Jobs(db).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>The queued or running job for the same year and scope, if any.</summary>
    public static Task<RecomputeJob?> FindActiveAsync(PlatformDbContext db, int year, string? module, CancellationToken cancellationToken) =>
        Jobs(db).AsNoTracking()
            .Where(j => j.Year == year && j.Module == module && (j.Status == RecomputeJobStatus.Queued || j.Status == RecomputeJobStatus.Running))
            .OrderBy(j => j.RequestedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The newest job, or null.</summary>
    public static Task<RecomputeJob?> LatestAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        Jobs(db).AsNoTracking().OrderByDescending(j => j.RequestedAt).ThenByDescending(j => j.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every queued or running job and the newest <see cref="Kept"/> finished ones, newest first.</summary>
    public static async Task<List<RecomputeJob>> RecentAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var active = await Jobs(db).AsNoTracking()
            .Where(j => j.Status == RecomputeJobStatus.Queued || j.Status == RecomputeJobStatus.Running)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var finished = await Jobs(db).AsNoTracking()
            .Where(j => j.Status == RecomputeJobStatus.Completed || j.Status == RecomputeJobStatus.Failed)
            .OrderByDescending(j => j.RequestedAt).Take(Kept)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. active.Concat(finished).OrderByDescending(j => j.RequestedAt).ThenByDescending(j => j.Id)];
    }

    /// <summary>Fails the interrupted jobs that used up their attempts (<see cref="RecomputeJobRules.GivenUp"/>); returns how many.</summary>
    public static Task<int> GiveUpAsync(PlatformDbContext db, DateTime now, CancellationToken cancellationToken) =>
        Jobs(db).Where(RecomputeJobRules.GivenUp(now)).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, RecomputeJobStatus.Failed)
                .SetProperty(j => j.FailureReason, RecomputeJobRules.InterruptedReason)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.CompletedAt, now),
            cancellationToken);

    /// <summary>
    /// Takes the oldest claimable job (<see cref="RecomputeJobRules.Claimable"/>: queued, or interrupted with attempts
    /// left) for <paramref name="owner"/> until <paramref name="now"/> + <paramref name="lease"/>, from the start
    /// (progress and counts reset); null when there is none or another instance was faster.
    /// </summary>
    public static async Task<RecomputeJob?> ClaimAsync(PlatformDbContext db, string owner, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var candidates = await Jobs(db).AsNoTracking().Where(RecomputeJobRules.Claimable(now))
            .OrderBy(j => j.RequestedAt).Select(j => j.Id).Take(5)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in candidates)
        {
            var expires = now + lease;
            var taken = await Jobs(db).Where(j => j.Id == id).Where(RecomputeJobRules.Claimable(now)).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, RecomputeJobStatus.Running)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, expires)
                    .SetProperty(j => j.HeartbeatAt, now)
                    .SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.CompletedAt, (DateTime?)null)
                    .SetProperty(j => j.Total, 0)
                    .SetProperty(j => j.Processed, 0)
                    .SetProperty(j => j.Evaluated, 0)
                    .SetProperty(j => j.Records, 0L)
                    .SetProperty(j => j.Inserted, 0)
                    .SetProperty(j => j.Updated, 0)
                    .SetProperty(j => j.Deleted, 0)
                    .SetProperty(j => j.Unchanged, 0)
                    .SetProperty(j => j.Seconds, (double?)null),
                cancellationToken).ConfigureAwait(false);
            if (taken == 1)
            {
                return await FindAsync(db, id, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>Renews the lease and records the progress; 0 when <paramref name="owner"/> no longer holds the job.</summary>
    public static Task<int> BeatAsync(PlatformDbContext db, Guid id, string owner, int total, int processed, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var expires = now + lease;
        return Held(db, id, owner).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.LeaseExpiresAt, expires)
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.Total, total)
                .SetProperty(j => j.Processed, processed),
            cancellationToken);
    }

    /// <summary>
    /// As <see cref="BeatAsync"/>, synchronously: for the recomputation's own context between two chunks (its connection
    /// is free then, and on SQLite it is the one writer, so the beat never waits behind a chunk).
    /// </summary>
    public static int Beat(PlatformDbContext db, Guid id, string owner, int total, int processed, DateTime now, TimeSpan lease)
    {
        var expires = now + lease;
        return Held(db, id, owner).ExecuteUpdate(
            s => s.SetProperty(j => j.LeaseExpiresAt, expires)
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.Total, total)
                .SetProperty(j => j.Processed, processed));
    }

    /// <summary>Records a finished run; 0 when <paramref name="owner"/> no longer holds the job.</summary>
    public static Task<int> CompleteAsync(PlatformDbContext db, Guid id, string owner, RecomputeResult result, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Held(db, id, owner).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, RecomputeJobStatus.Completed)
                .SetProperty(j => j.Total, result.Total)
                .SetProperty(j => j.Processed, result.Total)
                .SetProperty(j => j.Evaluated, result.Evaluated)
                .SetProperty(j => j.Records, result.Records)
                .SetProperty(j => j.Inserted, result.Inserted)
                .SetProperty(j => j.Updated, result.Updated)
                .SetProperty(j => j.Deleted, result.Deleted)
                .SetProperty(j => j.Unchanged, result.Unchanged)
                .SetProperty(j => j.Seconds, result.Seconds)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.CompletedAt, now),
            cancellationToken);
    }

    /// <summary>Records a failed run with its reason (Chinese); 0 when <paramref name="owner"/> no longer holds the job.</summary>
    public static Task<int> FailAsync(PlatformDbContext db, Guid id, string owner, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var kept = RecomputeJobRules.Reason(reason);
        return Held(db, id, owner).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, RecomputeJobStatus.Failed)
                .SetProperty(j => j.FailureReason, kept)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.CompletedAt, now),
            cancellationToken);
    }

    /// <summary>
    /// Hands a job back on a graceful stop: its lease ends now and the attempt does not count, so the next start (or
    /// another instance) takes it again at once.
    /// </summary>
    public static Task<int> ReleaseAsync(PlatformDbContext db, Guid id, string owner, DateTime now, CancellationToken cancellationToken) =>
        Held(db, id, owner).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.LeaseExpiresAt, now)
                .SetProperty(j => j.Attempts, j => j.Attempts > 0 ? j.Attempts - 1 : 0),
            cancellationToken);

    private static IQueryable<RecomputeJob> Held(PlatformDbContext db, Guid id, string owner) =>
        Jobs(db).Where(j => j.Id == id).Where(RecomputeJobRules.HeldBy(owner));

    private static IQueryable<RecomputeJob> Jobs(PlatformDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<RecomputeJob>().IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]);
    }
}

/// <summary>What a finished run of a job counted.</summary>
internal sealed record RecomputeResult(int Total, int Evaluated, long Records, int Inserted, int Updated, int Deleted, int Unchanged, double Seconds);
