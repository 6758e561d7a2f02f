using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>One plan with its quotas, weights, current draw, inspections and every draw made (program office).</summary>
/// <param name="Id">The plan.</param>
internal sealed record GetInspectionPlan(Guid Id) : IRequest<Versioned<InspectionPlanView>>;

/// <summary>Handles <see cref="GetInspectionPlan"/>.</summary>
internal sealed class GetInspectionPlanHandler(PlatformDbContext db, IEnumerable<IRiskSignal> signals) : IRequestHandler<GetInspectionPlan, Versioned<InspectionPlanView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InspectionPlanView>> Handle(GetInspectionPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await db.Set<InspectionPlan>().AsNoTracking().Include(p => p.Quotas).Include(p => p.Weights).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw InspectionRules.NotFound("抽查计划", request.Id);
        var inspections = await db.Set<Inspection>().AsNoTracking().Where(i => i.PlanId == plan.Id).Include(i => i.Inspectors).Include(i => i.Findings).AsSplitQuery()
            .OrderBy(i => i.Rank).ToListAsync(cancellationToken).ConfigureAwait(false);
        var draws = await db.Set<InspectionDrawRecord>().AsNoTracking().Where(d => d.PlanId == plan.Id).OrderByDescending(d => d.DrawnAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var labels = signals.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
        return new(new InspectionPlanView(plan.Id, plan.Year, plan.Title, plan.InspectorsPerObject, plan.Status, InspectionRules.StatusName(plan.Status), plan.Seed, plan.DrawnAt,
            plan.DrawnByName, plan.Fingerprint, plan.PublishedAt,
            [.. plan.Quotas.OrderBy(q => q.Kind).Select(q => new QuotaView(q.Kind, InspectionRules.KindName(q.Kind), q.Count, q.SharePercent))],
            [.. plan.Weights.OrderBy(w => w.SignalKey, StringComparer.Ordinal).Select(w => new WeightView(w.SignalKey, labels.GetValueOrDefault(w.SignalKey, w.SignalKey), w.Weight))],
            [.. inspections.Select(InspectionViews.Row)],
            [.. draws.Select(d => new DrawRecordView(d.Seed, d.DrawnAt, d.DrawnByName, d.Candidates, d.Experts, d.Fingerprint))]), plan.ConcurrencyStamp);
    }
}
