using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// When the records of a person-year that has a valid certificate change (a record approved, revoked, corrected),
/// the platform issues the next version at once and marks the old one superseded — in the transaction that changed
/// the records, so a certificate never disagrees with the ledger it was taken from. Runs after compliance (its
/// verdict goes into the new version). A change that leaves the approved records as they were issues nothing.
/// </summary>
public sealed class CertificateReissue(CertificateIssuer issuer) : ILedgerChangeHandler
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public int Order => 900;

    /// <inheritdoc />
    public async Task HandleAsync(PlatformDbContext db, IReadOnlyCollection<PersonYear> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        var ids = changes.Select(c => c.ProfessionalId).Distinct().ToArray();
        var years = changes.Select(c => c.Year).Distinct().ToArray();

        // The platform re-issues whoever changed the records (a provider's roster may touch people it cannot see).
        var certified = await db.CreditCertificates.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Valid && ids.Contains(c.ProfessionalId) && years.Contains(c.Year))
            .Select(c => new { c.ProfessionalId, c.Year })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var affected = certified.Select(c => new PersonYear(c.ProfessionalId, c.Year)).Where(changes.Contains).Distinct().ToArray();
        if (affected.Length == 0)
        {
            return;
        }

        var batch = await CertificateIssuer.LoadAsync(db, affected, cancellationToken).ConfigureAwait(false);
        var issued = affected.Count(personYear => issuer.Issue(db, batch, personYear, LedgerActor.System.Name, requireRecords: false).Created);
        if (issued > 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
