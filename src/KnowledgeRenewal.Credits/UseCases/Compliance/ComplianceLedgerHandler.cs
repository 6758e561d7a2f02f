using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// Keeps the compliance table in step with the ledger: whenever records change, the cycles containing the changed
/// years are recomputed in the same transaction (first of the handlers, so certificates see the new compliance).
/// </summary>
public sealed class ComplianceLedgerHandler(ComplianceRecomputer recomputer) : ILedgerChangeHandler
{
    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    public Task HandleAsync(PlatformDbContext db, IReadOnlyCollection<PersonYear> changes, CancellationToken cancellationToken) =>
        recomputer.RecomputeAsync(db, changes, cancellationToken);
}
