using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// Live progress of the import worker's running jobs, as <c>GET /api/registry/imports/{id}</c> shows it (the job's
/// row is updated only when a phase ends: the import's transaction holds the rest). A job the worker runs — a roster
/// (<see cref="IRosterImport"/>) — reports its phase and the rows it has checked so far.
/// </summary>
public interface IImportProgress
{
    /// <summary>Rows checked so far, and the phase.</summary>
    void Report(Guid jobId, ImportJobStatus status, int processed);
}
