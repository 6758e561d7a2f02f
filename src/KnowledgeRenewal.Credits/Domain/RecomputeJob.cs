using System.Linq.Expressions;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Where a recomputation job stands.</summary>
public enum RecomputeJobStatus
{
    /// <summary>排队中.</summary>
    Queued = 1,

    /// <summary>计算中.</summary>
    Running = 2,

    /// <summary>已完成.</summary>
    Completed = 3,

    /// <summary>失败.</summary>
    Failed = 4,
}

/// <summary>
/// One bulk recomputation of compliance (ADR 0034): what was asked (the year's cycle, everyone or one rule scope), by
/// whom, how far it is and how it ended — kept in the database, so a job queued or running when the platform stops is
/// not lost. The instance running it holds a lease (<see cref="LeaseOwner"/> until <see cref="LeaseExpiresAt"/>, renewed
/// by its heartbeat); a running job whose lease has expired was interrupted and is taken again from the start (the
/// recomputation is idempotent and commits person by person in chunks), at most <see cref="RecomputeJobRules.MaxAttempts"/>
/// times, then it fails with <see cref="RecomputeJobRules.InterruptedReason"/>.
/// </summary>
public sealed class RecomputeJob
{
    /// <summary>Longest module key kept.</summary>
    public const int ModuleLength = 64;

    /// <summary>Longest failure reason kept.</summary>
    public const int FailureReasonLength = 1024;

    /// <summary>Longest lease owner (instance id) kept.</summary>
    public const int LeaseOwnerLength = 128;

    /// <summary>Longest user name, roles or client id kept.</summary>
    public const int NameLength = 256;

    /// <summary>The job (also its address: <c>/api/compliance/recompute/{id}</c>).</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The year (its cycle per rule book is recomputed).</summary>
    public int Year { get; init; }

    /// <summary>The rule scope (<c>platform</c> or a module's key), or null for everyone.</summary>
    public string? Module { get; init; }

    /// <summary>Where the job is.</summary>
    public RecomputeJobStatus Status { get; set; } = RecomputeJobStatus.Queued;

    /// <summary>How many times a worker has taken the job (more than one: resumed after an interruption).</summary>
    public int Attempts { get; set; }

    /// <summary>The requesting account.</summary>
    public Guid? RequestedByUserId { get; init; }

    /// <summary>The requesting account's user name.</summary>
    public string? RequestedByUserName { get; init; }

    /// <summary>The requester's roles (comma-separated, as the audit records them).</summary>
    public string? RequestedByRoles { get; init; }

    /// <summary>The requester's organization.</summary>
    public Guid? RequestedByOrganizationId { get; init; }

    /// <summary>The requesting client (integrator), if any.</summary>
    public string? RequestedByClientId { get; init; }

    /// <summary>When it was asked for (UTC).</summary>
    public DateTime RequestedAt { get; init; }

    /// <summary>When the current (last) attempt started (UTC).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When it ended (UTC).</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>The instance running it (while <see cref="RecomputeJobStatus.Running"/>).</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the lease holds (UTC); renewed by the running instance's heartbeat.</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>The running instance's last heartbeat (UTC).</summary>
    public DateTime? HeartbeatAt { get; set; }

    /// <summary>Person-cycles to look at (known once running).</summary>
    public int Total { get; set; }

    /// <summary>Person-cycles looked at so far (in the current attempt).</summary>
    public int Processed { get; set; }

    /// <summary>Person-cycles evaluated.</summary>
    public int Evaluated { get; set; }

    /// <summary>Credit records read.</summary>
    public long Records { get; set; }

    /// <summary>Compliance rows added.</summary>
    public int Inserted { get; set; }

    /// <summary>Compliance rows changed.</summary>
    public int Updated { get; set; }

    /// <summary>Compliance rows removed (another cycle now applies).</summary>
    public int Deleted { get; set; }

    /// <summary>Compliance rows that were right already.</summary>
    public int Unchanged { get; set; }

    /// <summary>How long the last attempt ran (seconds).</summary>
    public double? Seconds { get; set; }

    /// <summary>Why it failed (Chinese, shown to the user; no personal data).</summary>
    public string? FailureReason { get; set; }
}

/// <summary>The rules of a recomputation job's states and lease (ADR 0034).</summary>
public static class RecomputeJobRules
{
    /// <summary>How many times a job is taken before an interruption fails it (the first run and two resumptions).</summary>
    public const int MaxAttempts = 3;

    /// <summary>The reason shown when interruptions used up the attempts.</summary>
    public const string InterruptedReason = "平台重启，重算中断；请重新发起。（已自动从头重新计算仍未完成；已完成的部分已保存，重新发起会从头计算。）";

    /// <summary>The default lease: a running job whose instance has not beaten for this long counts as interrupted.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(60);

    /// <summary>Whether a job in <paramref name="status"/> has not ended yet.</summary>
    public static bool IsActive(RecomputeJobStatus status) => status is RecomputeJobStatus.Queued or RecomputeJobStatus.Running;

    /// <summary>The status in Chinese.</summary>
    public static string Label(RecomputeJobStatus status) => status switch
    {
        RecomputeJobStatus.Queued => "排队中",
        RecomputeJobStatus.Running => "计算中",
        RecomputeJobStatus.Completed => "已完成",
        _ => "失败",
    };

    /// <summary>The longest pause between two heartbeats (they also carry the progress the pages show).</summary>
    public static readonly TimeSpan MaxHeartbeatInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often the running instance renews its lease: a third of it (two missed beats still hold it), at most <see cref="MaxHeartbeatInterval"/>.</summary>
    public static TimeSpan HeartbeatInterval(TimeSpan lease) => lease / 3 < MaxHeartbeatInterval ? lease / 3 : MaxHeartbeatInterval;

    /// <summary>Whether the job's lease is held by no live instance: it runs, but nobody has renewed it in time.</summary>
    public static bool IsInterrupted(RecomputeJob job, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status == RecomputeJobStatus.Running && (job.LeaseExpiresAt is null || job.LeaseExpiresAt <= now);
    }

    /// <summary>
    /// Jobs a worker may take at <paramref name="now"/>: queued ones, and interrupted ones (expired lease) that have
    /// attempts left — those are run again from the start.
    /// </summary>
    public static Expression<Func<RecomputeJob, bool>> Claimable(DateTime now) =>
        j => j.Status == RecomputeJobStatus.Queued
            || (j.Status == RecomputeJobStatus.Running && (j.LeaseExpiresAt == null || j.LeaseExpiresAt <= now) && j.Attempts < MaxAttempts);

    /// <summary>Interrupted jobs (expired lease) that used up their attempts: they fail with <see cref="InterruptedReason"/>.</summary>
    public static Expression<Func<RecomputeJob, bool>> GivenUp(DateTime now) =>
        j => j.Status == RecomputeJobStatus.Running && (j.LeaseExpiresAt == null || j.LeaseExpiresAt <= now) && j.Attempts >= MaxAttempts;

    /// <summary>Whether <paramref name="owner"/> still holds the lease of a running job.</summary>
    public static Expression<Func<RecomputeJob, bool>> HeldBy(string owner) =>
        j => j.Status == RecomputeJobStatus.Running && j.LeaseOwner == owner;

    /// <summary>A failure reason cut to what is kept.</summary>
    public static string Reason(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Length > RecomputeJob.FailureReasonLength ? reason[..(RecomputeJob.FailureReasonLength - 1)] + "…" : reason;
    }
}
