using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>A base's exchanges and cooperation with other bases, newest first (404 outside the caller's scope).</summary>
/// <param name="BaseId">The base.</param>
internal sealed record ListBaseExchanges(Guid BaseId) : IRequest<IReadOnlyList<BaseExchangeView>>;

/// <summary>Handles <see cref="ListBaseExchanges"/>.</summary>
internal sealed class ListBaseExchangesHandler(PlatformDbContext db) : IRequestHandler<ListBaseExchanges, IReadOnlyList<BaseExchangeView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<BaseExchangeView>> Handle(ListBaseExchanges request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = await BaseAccess.VisibleAsync(db, request.BaseId, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(db, b.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The exchanges of base <paramref name="baseId"/> (two queries: the exchanges, the names of the bases involved).</summary>
    public static async Task<IReadOnlyList<BaseExchangeView>> ReadAsync(PlatformDbContext db, Guid baseId, CancellationToken cancellationToken)
    {
        var exchanges = await db.Set<BaseExchange>().AsNoTracking().Where(e => e.Parties.Any(p => p.BaseId == baseId))
            .OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.RecordedAt).Take(100)
            .Select(e => new { e.Id, e.HeldOn, e.Kind, e.Topic, e.Participants, e.Note, e.RecordedByName, e.RecordedAt, Bases = e.Parties.Select(p => p.BaseId).ToList() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = exchanges.SelectMany(e => e.Bases).Distinct().ToList();
        var names = await db.EducationBases.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken).ConfigureAwait(false);
        return [.. exchanges.Select(e => new BaseExchangeView(e.Id, e.HeldOn, e.Kind, BaseExchangeRules.Label(e.Kind), e.Topic, e.Participants, e.Note,
            [.. e.Bases.Select(id => new ExchangeBaseView(id, names.GetValueOrDefault(id, "--"))).OrderBy(x => x.Name, StringComparer.Ordinal)], e.RecordedByName, e.RecordedAt))];
    }
}
