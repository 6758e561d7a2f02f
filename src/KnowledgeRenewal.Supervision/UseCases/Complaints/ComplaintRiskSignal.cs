using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>
/// The <c>complaints</c> risk signal of the inspection draw: per object, the complaints filed against it in the year
/// (China time), weighted by what became of them (<see cref="ComplaintRiskWeights"/>): substantiated 2, partly 1,
/// still open 1, not substantiated or referred elsewhere 0. Counted over every complaint whatever the caller's scope
/// (the draw is city-wide; the scores carry no personal data).
/// </summary>
internal sealed class ComplaintRiskSignal(PlatformDbContext db) : IRiskSignal
{
    /// <inheritdoc />
    public string Key => "complaints";

    /// <inheritdoc />
    public string Label => "投诉";

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<Guid, decimal>> ScoresAsync(SupervisedObjectKind kind, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year + 1, 1, 1);
        var rows = await db.Complaints.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(c => c.ObjectKind == kind && c.FiledOn >= from && c.FiledOn < to)
            .Select(c => new { c.ObjectId, c.Status, c.Finding })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.ObjectId)
            .Select(g => (g.Key, Score: g.Sum(r => ComplaintRiskWeights.Of(r.Status, r.Finding))))
            .Where(s => s.Score > 0)
            .ToDictionary(s => s.Key, s => s.Score);
    }
}

/// <summary>How much one complaint weighs in the risk signal.</summary>
public static class ComplaintRiskWeights
{
    /// <summary>The weight of a complaint in <paramref name="status"/> with <paramref name="finding"/>.</summary>
    public static decimal Of(ComplaintStatus status, ComplaintFinding? finding) => status switch
    {
        ComplaintStatus.Received or ComplaintStatus.Assigned => 1m,
        ComplaintStatus.Resolved => finding switch
        {
            ComplaintFinding.Substantiated => 2m,
            ComplaintFinding.PartlySubstantiated => 1m,
            _ => 0m,
        },
        _ => 0m,
    };
}
