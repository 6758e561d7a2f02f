using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>
/// The published results (一公开), for anyone without sign-in: each published plan with its seed and fingerprint (so the
/// draw can be checked), the objects, their organizations, conclusions and findings with the rectification's state.
/// No inspectors' names, no personal data; nothing of a plan before it is published.
/// </summary>
internal sealed record ListPublicInspectionResults : IRequest<IReadOnlyList<PublicInspectionResults>>;

/// <summary>Handles <see cref="ListPublicInspectionResults"/>: reads without the caller's scope, only published plans.</summary>
internal sealed class ListPublicInspectionResultsHandler(PlatformDbContext db) : IRequestHandler<ListPublicInspectionResults, IReadOnlyList<PublicInspectionResults>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PublicInspectionResults>> Handle(ListPublicInspectionResults request, CancellationToken cancellationToken)
    {
        var scope = new[] { PlatformDbContext.AccessScopeFilter };
        var plans = await db.Set<InspectionPlan>().IgnoreQueryFilters(scope).AsNoTracking().Where(p => p.Status == InspectionPlanStatus.Published)
            .OrderByDescending(p => p.PublishedAt).Take(20).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = plans.Select(p => p.Id).ToArray();
        var inspections = await db.Set<Inspection>().IgnoreQueryFilters(scope).AsNoTracking().Where(i => ids.Contains(i.PlanId)).Include(i => i.Findings)
            .OrderBy(i => i.Rank).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byPlan = inspections.ToLookup(i => i.PlanId);
        return [.. plans.Select(p => new PublicInspectionResults(p.Id, p.Year, p.Title, p.PublishedAt!.Value, p.Seed ?? 0, p.Fingerprint ?? "",
            [.. byPlan[p.Id].Select(i => new PublicInspectionItem(InspectionRules.KindName(i.Kind), i.ObjectName, i.OrganizationName, i.InspectedOn,
                InspectionRules.ConclusionName(i.Conclusion), i.Summary,
                [.. i.Findings.OrderBy(f => f.RecordedAt).Select(f => new PublicFinding(f.Text, InspectionRules.RectificationName(f.Rectification), f.DueOn, f.ClosedOn))]))]))];
    }
}
