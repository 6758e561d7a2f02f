using KnowledgeRenewal.Credits.Domain;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>Configuration section <c>Compliance:Recompute</c>: how the recomputation worker takes and runs jobs (ADR 0034).</summary>
public sealed class RecomputeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Compliance:Recompute";

    /// <summary>
    /// The lease of a running job (seconds, at least 3): an instance that has not renewed it for this long counts as
    /// gone, and its job is taken again from the start. Renewed every third of it (at most every 2 s).
    /// </summary>
    public int LeaseSeconds { get; set; } = (int)RecomputeJobRules.DefaultLease.TotalSeconds;

    /// <summary>How often an idle worker looks for jobs another instance queued or left interrupted (seconds, at least 1).</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>People per transaction of a bulk recomputation (default <see cref="BulkRecomputation.ChunkSize"/>).</summary>
    public int ChunkSize { get; set; } = BulkRecomputation.ChunkSize;

    /// <summary>The lease.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(3, LeaseSeconds));

    /// <summary>The idle poll.</summary>
    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(1, PollSeconds));

    /// <summary>The chunk size actually used.</summary>
    public int Chunk => Math.Max(1, ChunkSize);
}
