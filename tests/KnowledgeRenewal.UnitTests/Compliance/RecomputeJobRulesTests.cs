using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;

namespace KnowledgeRenewal.UnitTests.Compliance;

/// <summary>The state and lease rules of a recomputation job (ADR 0034).</summary>
public sealed class RecomputeJobRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 8, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(RecomputeJobStatus.Queued, true)]
    [InlineData(RecomputeJobStatus.Running, true)]
    [InlineData(RecomputeJobStatus.Completed, false)]
    [InlineData(RecomputeJobStatus.Failed, false)]
    public void Only_queued_and_running_jobs_are_active(RecomputeJobStatus status, bool active)
    {
        Assert.Equal(active, RecomputeJobRules.IsActive(status));
        Assert.Equal(active, View(new RecomputeJob { Status = status }).IsActive);
    }

    [Fact]
    public void A_queued_job_is_claimable_whatever_its_lease()
    {
        Assert.True(Claimable(new RecomputeJob { Status = RecomputeJobStatus.Queued }));
        Assert.True(Claimable(new RecomputeJob { Status = RecomputeJobStatus.Queued, LeaseExpiresAt = Now.AddMinutes(5) }));
    }

    [Fact]
    public void A_running_job_is_claimable_only_once_its_lease_has_expired_and_while_attempts_are_left()
    {
        var held = new RecomputeJob { Status = RecomputeJobStatus.Running, Attempts = 1, LeaseOwner = "a", LeaseExpiresAt = Now.AddSeconds(1) };
        Assert.False(Claimable(held));
        Assert.False(RecomputeJobRules.IsInterrupted(held, Now));

        var expired = new RecomputeJob { Status = RecomputeJobStatus.Running, Attempts = 1, LeaseOwner = "a", LeaseExpiresAt = Now };
        Assert.True(RecomputeJobRules.IsInterrupted(expired, Now));
        Assert.True(Claimable(expired));
        Assert.False(GivenUp(expired));

        var noLease = new RecomputeJob { Status = RecomputeJobStatus.Running, Attempts = 2 };
        Assert.True(Claimable(noLease));

        var spent = new RecomputeJob { Status = RecomputeJobStatus.Running, Attempts = RecomputeJobRules.MaxAttempts, LeaseOwner = "a", LeaseExpiresAt = Now.AddSeconds(-1) };
        Assert.False(Claimable(spent));
        Assert.True(GivenUp(spent));

        var spentButHeld = new RecomputeJob { Status = RecomputeJobStatus.Running, Attempts = RecomputeJobRules.MaxAttempts, LeaseOwner = "a", LeaseExpiresAt = Now.AddSeconds(30) };
        Assert.False(GivenUp(spentButHeld));
    }

    [Theory]
    [InlineData(RecomputeJobStatus.Completed)]
    [InlineData(RecomputeJobStatus.Failed)]
    public void A_finished_job_is_neither_claimed_nor_given_up(RecomputeJobStatus status)
    {
        var job = new RecomputeJob { Status = status, Attempts = 5, LeaseExpiresAt = Now.AddDays(-1) };
        Assert.False(Claimable(job));
        Assert.False(GivenUp(job));
        Assert.False(RecomputeJobRules.IsInterrupted(job, Now));
    }

    [Fact]
    public void Only_the_lease_owner_of_a_running_job_holds_it()
    {
        var held = RecomputeJobRules.HeldBy("host-1").Compile();
        Assert.True(held(new RecomputeJob { Status = RecomputeJobStatus.Running, LeaseOwner = "host-1" }));
        Assert.False(held(new RecomputeJob { Status = RecomputeJobStatus.Running, LeaseOwner = "host-2" }));
        Assert.False(held(new RecomputeJob { Status = RecomputeJobStatus.Completed, LeaseOwner = "host-1" }));
    }

    [Fact]
    public void The_heartbeat_beats_three_times_a_lease_and_at_least_every_two_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RecomputeJobRules.HeartbeatInterval(TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(2), RecomputeJobRules.HeartbeatInterval(TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(2), RecomputeJobRules.HeartbeatInterval(RecomputeJobRules.DefaultLease));
    }

    [Fact]
    public void The_options_keep_the_lease_poll_and_chunk_within_bounds()
    {
        var options = new RecomputeOptions { LeaseSeconds = 0, PollSeconds = -4, ChunkSize = 0 };
        Assert.Equal(TimeSpan.FromSeconds(3), options.Lease);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Poll);
        Assert.Equal(1, options.Chunk);
        Assert.Equal(BulkRecomputation.ChunkSize, new RecomputeOptions().Chunk);
        Assert.Equal(RecomputeJobRules.DefaultLease, new RecomputeOptions().Lease);
    }

    [Fact]
    public void Failure_reasons_are_cut_to_what_is_kept_and_the_interruption_is_explained_in_chinese()
    {
        var reason = RecomputeJobRules.Reason(new string('误', 5000));
        Assert.Equal(RecomputeJob.FailureReasonLength, reason.Length);
        Assert.EndsWith("…", reason, StringComparison.Ordinal);
        Assert.Equal("短", RecomputeJobRules.Reason("短"));
        Assert.StartsWith("平台重启，重算中断；请重新发起", RecomputeJobRules.InterruptedReason, StringComparison.Ordinal);
        Assert.True(RecomputeJobRules.InterruptedReason.Length <= RecomputeJob.FailureReasonLength);
    }

    [Fact]
    public void The_view_labels_the_status_and_counts_the_attempts()
    {
        var started = Now.AddSeconds(-90);
        var view = View(new RecomputeJob
        {
            Year = 2025, Module = "health", Status = RecomputeJobStatus.Failed, Attempts = 3, StartedAt = started, CompletedAt = Now,
            FailureReason = RecomputeJobRules.InterruptedReason, RequestedByUserName = "demo.program-office",
        });
        Assert.Equal("失败", view.StatusLabel);
        Assert.Equal(3, view.Attempts);
        Assert.Equal(90, view.Seconds);
        Assert.Equal("demo.program-office", view.RequestedBy);
        Assert.Equal(["排队中", "计算中", "已完成", "失败"], Enum.GetValues<RecomputeJobStatus>().Select(RecomputeJobRules.Label));
    }

    private static RecomputeJobView View(RecomputeJob job) => RecomputeJobView.Of(job);

    private static bool Claimable(RecomputeJob job) => RecomputeJobRules.Claimable(Now).Compile()(job);

    private static bool GivenUp(RecomputeJob job) => RecomputeJobRules.GivenUp(Now).Compile()(job);
}
