using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>Every inspection plan, newest year first, with its counts (program office).</summary>
internal sealed record ListInspectionPlans : IRequest<IReadOnlyList<InspectionPlanSummary>>;

/// <summary>Handles <see cref="ListInspectionPlans"/>.</summary>
internal sealed class ListInspectionPlansHandler(PlatformDbContext db) : IRequestHandler<ListInspectionPlans, IReadOnlyList<InspectionPlanSummary>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<InspectionPlanSummary>> Handle(ListInspectionPlans request, CancellationToken cancellationToken)
    {
        var rows = await db.Set<InspectionPlan>().AsNoTracking()
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.CreatedAt)
            .Select(p => new
            {
                p.Id, p.Year, p.Title, p.Status, p.Seed, p.DrawnAt,
                Objects = db.Set<Inspection>().Count(i => i.PlanId == p.Id),
                Recorded = db.Set<Inspection>().Count(i => i.PlanId == p.Id && i.Conclusion != null),
                Open = db.Set<InspectionFinding>().Count(f => f.Rectification == RectificationStatus.Open && db.Set<Inspection>().Any(i => i.Id == f.InspectionId && i.PlanId == p.Id)),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new InspectionPlanSummary(r.Id, r.Year, r.Title, r.Status, InspectionRules.StatusName(r.Status), r.Objects, r.Recorded, r.Open, r.Seed, r.DrawnAt))];
    }
}
