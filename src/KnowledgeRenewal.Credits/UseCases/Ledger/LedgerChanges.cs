using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;

using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>A person's credit year whose records changed (added, approved, rejected, revoked).</summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="Year">The credit year.</param>
public readonly record struct PersonYear(Guid ProfessionalId, int Year);

/// <summary>
/// Reacts to changed credit records inside the transaction that changed them (compliance is recomputed, issued
/// certificates are re-issued as a new version). Handlers are registered in DI and run in <see cref="Order"/>.
/// </summary>
public interface ILedgerChangeHandler
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>Handles the changes; <paramref name="db"/> holds the caller's transaction and scope.</summary>
    Task HandleAsync(PlatformDbContext db, IReadOnlyCollection<PersonYear> changes, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes ledger changes to every <see cref="ILedgerChangeHandler"/>. Every way that changes records — manual
/// entries, reviews, revocations, rosters, declarations — calls <see cref="PublishAsync"/> after saving the records
/// and before committing, so what depends on the ledger never disagrees with it.
/// </summary>
public sealed class LedgerChanges(IEnumerable<ILedgerChangeHandler> handlers)
{
    private readonly ILedgerChangeHandler[] ordered = [.. handlers.OrderBy(h => h.Order)];

    /// <summary>Runs the handlers for the distinct changes.</summary>
    public async Task PublishAsync(PlatformDbContext db, IEnumerable<PersonYear> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        var distinct = changes.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return;
        }

        foreach (var handler in ordered)
        {
            await handler.HandleAsync(db, distinct, cancellationToken).ConfigureAwait(false);
        }
    }
}
