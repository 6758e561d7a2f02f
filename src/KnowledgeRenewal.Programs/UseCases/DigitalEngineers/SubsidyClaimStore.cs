using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>Reads and saves subsidy claims for their use cases: one claim in scope (404 otherwise), its view and ETag, a decision or payment saved against the ETag read.</summary>
internal static class SubsidyClaimStore
{
    /// <summary>The claim, tracked, for a change; 404 outside the caller's scope.</summary>
    public static async Task<SubsidyClaim> FindAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.SubsidyClaims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw DigitalEngineerViews.NotFound("补贴申领", id);

    /// <summary>The claim's view with its trail and entity tag; 404 outside the caller's scope.</summary>
    public static async Task<Versioned<SubsidyClaimView>> ViewAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var claim = await db.SubsidyClaims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("补贴申领", id);
        return new((await DigitalEngineerViews.ClaimsAsync(db, [claim], cancellationToken).ConfigureAwait(false))[0], claim.ConcurrencyStamp);
    }

    /// <summary>Saves a change compare-and-swap on the stamp the client read: of two approvers at once exactly one wins, the other gets 412.</summary>
    public static async Task<Versioned<SubsidyClaimView>> SaveAsync(PlatformDbContext db, SubsidyClaim claim, Guid read, CancellationToken cancellationToken)
    {
        db.Entry(claim).Property(c => c.ConcurrencyStamp).OriginalValue = read;
        claim.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return await ViewAsync(db, claim.Id, cancellationToken).ConfigureAwait(false);
    }
}
