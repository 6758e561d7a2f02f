using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>Credit records written into a fixture's platform the way every ledger writer writes them.</summary>
public static class FixtureLedger
{
    /// <summary>
    /// Changes credit records as every ledger path does, as the platform itself: in one transaction, saves what
    /// <paramref name="change"/> added or changed, publishes the changed person-years through <see cref="LedgerChanges"/>
    /// and commits. Returns the records <paramref name="change"/> returned.
    /// </summary>
    public static Task<IReadOnlyList<CreditRecord>> WriteLedgerAsync(this PlatformFixtureBase platform, Func<PlatformDbContext, Task<IReadOnlyList<CreditRecord>>> change)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(change);
        return platform.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var records = await change(db);
            await db.SaveChangesAsync();
            await services.GetRequiredService<LedgerChanges>()
                .PublishAsync(db, records.Select(r => new PersonYear(r.ProfessionalId, r.CreditYear)), CancellationToken.None);
            await transaction.CommitAsync();
            return records;
        });
    }
}
