using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>One year's plan as the list of years shows it: its targets' count and total, who set it and when — no progress.</summary>
/// <param name="Year">The program year.</param>
/// <param name="TargetTrainees">The total trainee target.</param>
/// <param name="Targets">How many targets the plan has (the total included).</param>
/// <param name="UpdatedAt">When it was set last (UTC).</param>
/// <param name="UpdatedByName">Who set it last.</param>
internal sealed record AnnualPlanYear(int Year, int TargetTrainees, int Targets, DateTime UpdatedAt, string? UpdatedByName);

/// <summary>
/// Every year's plan, newest first, without progress — one query, for the list of years (each year's progress is
/// <see cref="GetAnnualPlan"/>'s; <see cref="ListAnnualPlans"/> computes the totals' progress year by year).
/// </summary>
internal sealed record ListAnnualPlanYears : IRequest<IReadOnlyList<AnnualPlanYear>>;

/// <summary>Handles <see cref="ListAnnualPlanYears"/>.</summary>
internal sealed class ListAnnualPlanYearsHandler(PlatformDbContext db) : IRequestHandler<ListAnnualPlanYears, IReadOnlyList<AnnualPlanYear>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AnnualPlanYear>> Handle(ListAnnualPlanYears request, CancellationToken cancellationToken) =>
        await db.AnnualPlans.AsNoTracking().IgnoreAutoIncludes().Where(p => p.Scope == PlanScope.City).OrderByDescending(p => p.Year)
            .Select(p => new AnnualPlanYear(
                p.Year,
                p.Targets.Where(t => t.Kind == PlanTargetKind.Total).Select(t => t.Trainees).FirstOrDefault(),
                p.Targets.Count,
                p.UpdatedAt,
                p.UpdatedByName))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
