using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;

using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// Processes a roster job (<see cref="ImportKind.Roster"/>) for the import worker: checks every
/// row, then writes the accepted ones as credit records in one transaction with the job's outcome. Implemented by the
/// rosters area; resolved from the job's service scope.
/// </summary>
public interface IRosterImport
{
    /// <summary>
    /// Runs the job on <paramref name="db"/> (the requester's scope). Returns the outcome and whether it was recorded
    /// already (in the job's own transaction); throws on a database fault, which fails the job.
    /// </summary>
    Task<(ImportOutcome Outcome, bool Recorded)> RunAsync(PlatformDbContext db, ImportWorkItem item, CancellationToken cancellationToken);
}
