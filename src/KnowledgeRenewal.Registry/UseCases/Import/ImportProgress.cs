using System.Collections.Concurrent;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>Live progress of running imports (the database row is updated only when a phase ends: the import's transaction holds the rest).</summary>
internal sealed class ImportProgress : IImportProgress
{
    private readonly ConcurrentDictionary<Guid, Entry> jobs = new();

    /// <summary>A job was queued.</summary>
    public void Track(Guid jobId) => jobs.TryAdd(jobId, new Entry());

    /// <inheritdoc />
    public void Report(Guid jobId, ImportJobStatus status, int processed)
    {
        if (jobs.TryGetValue(jobId, out var entry))
        {
            entry.Status = status;
            entry.Processed = processed;
        }
    }

    /// <summary>The live state of a running job, if this instance runs it.</summary>
    public (ImportJobStatus Status, int Processed)? Current(Guid jobId) =>
        jobs.TryGetValue(jobId, out var entry) && entry.Status is { } status ? (status, entry.Processed) : null;

    /// <summary>Completes when the job ends; null when this instance does not run it.</summary>
    public Task? WhenFinished(Guid jobId) => jobs.TryGetValue(jobId, out var entry) ? entry.Finished.Task : null;

    /// <summary>The job ended.</summary>
    public void Finish(Guid jobId)
    {
        if (jobs.TryRemove(jobId, out var entry))
        {
            entry.Finished.TrySetResult();
        }
    }

    private sealed class Entry
    {
        public ImportJobStatus? Status { get; set; }

        public int Processed { get; set; }

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
