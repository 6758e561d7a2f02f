using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>
/// How many subsidy claims within the caller's scope are in each status (one grouped query; the same rows
/// <see cref="ListSubsidyClaims"/> lists), for a workbench card.
/// </summary>
internal sealed record CountSubsidyClaims : IRequest<IReadOnlyDictionary<SubsidyClaimStatus, int>>;

/// <summary>Handles <see cref="CountSubsidyClaims"/>.</summary>
internal sealed class CountSubsidyClaimsHandler(PlatformDbContext db) : IRequestHandler<CountSubsidyClaims, IReadOnlyDictionary<SubsidyClaimStatus, int>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<SubsidyClaimStatus, int>> Handle(CountSubsidyClaims request, CancellationToken cancellationToken) =>
        await db.SubsidyClaims.AsNoTracking().GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
}
