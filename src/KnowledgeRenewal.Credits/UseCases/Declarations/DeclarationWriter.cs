using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>
/// What the review and the withdrawal of a declaration share: the declaration (tracked, within the caller's scope),
/// its declarant's account and its credit record (both by id: the caller may act on a person it no longer sees after a
/// move), the caller as the ledger's actor, and the save — compare-and-swap on the version the client read, the record
/// changed in the same transaction, then the ledger change published before the commit.
/// </summary>
internal sealed class DeclarationWriter(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, LedgerChanges ledger, TimeProvider clock)
{
    /// <summary>The caller.</summary>
    public ICurrentAccess Caller => access;

    /// <summary>Now (UTC).</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The caller as the ledger's actor.</summary>
    public LedgerActor Actor => new(access.UserId, actors.Current.UserName ?? "unknown");

    /// <summary>The declaration, tracked; 404 outside the caller's scope.</summary>
    public async Task<ActivityDeclaration> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ActivityDeclarations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw DeclarationViews.NotFound(id);

    /// <summary>The declarant's account.</summary>
    public Task<Guid?> OwnerAsync(ActivityDeclaration declaration, CancellationToken cancellationToken) =>
        DeclarationViews.DeclarantAccountAsync(db, declaration, cancellationToken);

    /// <summary>The declaration's own credit record, tracked.</summary>
    public async Task<CreditRecord> RecordAsync(ActivityDeclaration declaration, CancellationToken cancellationToken) =>
        await db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .FirstOrDefaultAsync(r => r.Id == declaration.CreditRecordId, cancellationToken)
            .ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Credit record {declaration.CreditRecordId} of declaration {declaration.Id} is missing.");

    /// <summary>Saves a new version of <paramref name="declaration"/> (412 when it changed since <paramref name="read"/>) and answers it.</summary>
    public async Task<Versioned<DeclarationView>> SaveAsync(ActivityDeclaration declaration, Guid read, CreditRecord? record, CancellationToken cancellationToken)
    {
        db.Entry(declaration).Property(d => d.ConcurrencyStamp).OriginalValue = read;
        declaration.ConcurrencyStamp = Guid.NewGuid();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Preconditions.Stale();
            }

            if (record is not null)
            {
                await ledger.PublishAsync(db, [new PersonYear(record.ProfessionalId, record.CreditYear)], cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DeclarationViews.GetAsync(db, declaration.Id, cancellationToken).ConfigureAwait(false);
    }
}
