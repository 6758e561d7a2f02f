using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// Processes a roster job (<see cref="ImportKind.Roster"/>) for the registry's import worker: checks every row (the
/// rows come through <see cref="ImportBatches"/>), then writes the accepted ones as credit records in one transaction
/// with the job's outcome (<see cref="ImportJobs.FinishAsync"/>). Implemented by the credit hours area; resolved from
/// the job's service scope.
/// </summary>
public interface IRosterImport
{
    /// <summary>
    /// Runs the job on <paramref name="db"/> (the requester's scope). Returns the outcome and whether it was recorded
    /// already (in the job's own transaction); throws on a database fault, which fails the job, and
    /// <see cref="ImportConcurrencyException"/> when a record changed while the job ran.
    /// </summary>
    Task<(ImportOutcome Outcome, bool Recorded)> RunAsync(PlatformDbContext db, ImportWorkItem item, CancellationToken cancellationToken);
}
