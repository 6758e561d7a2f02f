using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>
/// Book-keeping of import jobs: status changes are set-based updates (not audited — the job's creation is, and the
/// import's writes are), bypassing the access-scope filter because the worker, not the requester, moves them on.
/// </summary>
internal static class ImportJobStore
{
    /// <summary>The requester's earlier job with the same idempotency key, if any.</summary>
    public static Task<ImportJob?> FindByKeyAsync(PlatformDbContext db, Guid userId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ImportJobs.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .FirstOrDefaultAsync(j => j.RequestedByUserId == userId && j.IdempotencyKey == key, cancellationToken);
    }

    /// <summary>The worker took the job.</summary>
    public static Task<int> StartAsync(PlatformDbContext db, Guid id, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Jobs(db, id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Validating).SetProperty(j => j.StartedAt, now), cancellationToken);
    }

    /// <summary>Records how the job ended (in the caller's transaction, if any).</summary>
    public static Task<int> FinishAsync(PlatformDbContext db, Guid id, ImportOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outcome);
        var reason = outcome.FailureReason is { Length: > ImportJob.FailureReasonLength } text ? text[..(ImportJob.FailureReasonLength - 1)] + "…" : outcome.FailureReason;
        var finished = outcome.Status is ImportJobStatus.Completed or ImportJobStatus.Rejected;
        return Jobs(db, id).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Status, outcome.Status)
                .SetProperty(j => j.TotalRows, j => finished ? outcome.ProcessedRows : j.TotalRows)
                .SetProperty(j => j.ProcessedRows, outcome.ProcessedRows)
                .SetProperty(j => j.CreatedCount, outcome.Created)
                .SetProperty(j => j.UpdatedCount, outcome.Updated)
                .SetProperty(j => j.UnchangedCount, outcome.Unchanged)
                .SetProperty(j => j.RejectedCount, outcome.Rejected)
                .SetProperty(j => j.ErrorCount, outcome.ErrorCount)
                .SetProperty(j => j.Errors, outcome.Errors)
                .SetProperty(j => j.FlaggedCount, outcome.Flagged)
                .SetProperty(j => j.WarningCount, outcome.WarningCount)
                .SetProperty(j => j.Warnings, outcome.Warnings)
                .SetProperty(j => j.FailureReason, reason)
                .SetProperty(j => j.CompletedAt, now),
            cancellationToken);
    }

    /// <summary>
    /// Marks jobs that were waiting or running when the platform stopped as failed (their transaction never
    /// committed, so they wrote nothing); returns how many.
    /// </summary>
    public static Task<int> FailInterruptedAsync(PlatformDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ImportJobs.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .Where(j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.Validating || j.Status == ImportJobStatus.Importing)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ImportJobStatus.Failed)
                    .SetProperty(j => j.FailureReason, "平台在导入过程中重新启动，本次导入未写入任何数据，请重新上传文件。")
                    .SetProperty(j => j.CompletedAt, now),
                cancellationToken);
    }

    private static IQueryable<ImportJob> Jobs(PlatformDbContext db, Guid id) =>
        db.ImportJobs.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).Where(j => j.Id == id);
}
