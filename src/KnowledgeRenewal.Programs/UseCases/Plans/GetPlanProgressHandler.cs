using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>Handles <see cref="GetPlanProgress"/> with the plan views' own reader and calculator (one way of counting).</summary>
internal sealed class GetPlanProgressHandler(PlatformDbContext db, PlanFactsReader facts, TimeProvider clock) : IRequestHandler<GetPlanProgress, PlanProgressReport>
{
    /// <inheritdoc />
    public async Task<PlanProgressReport> Handle(GetPlanProgress request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ProgramCalendar.Today(clock);
        var plan = await db.AnnualPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Year == request.Year && p.Scope == PlanScope.City, cancellationToken).ConfigureAwait(false);
        var yearFacts = await facts.ReadAsync(request.Year, cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var targets = plan is null
            ? []
            : PlanProgressCalculator.Compare(request.Year, plan.Targets, yearFacts, today, t => t.Kind is PlanTargetKind.Region or PlanTargetKind.Department
                ? names.GetValueOrDefault(t.Key, t.Key)
                : AnnualPlanViews.Label(t));
        return new PlanProgressReport(request.Year, today, plan is not null, targets, yearFacts, names);
    }

    // Region and department codes share no values, so one dictionary names both (as the plan's view does).
    private async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return regions.Concat(departments).ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);
    }
}
