using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>Every plan, newest year first, with its total target against the trainees so far.</summary>
internal sealed record ListAnnualPlans : IRequest<IReadOnlyList<AnnualPlanSummary>>;

/// <summary>Handles <see cref="ListAnnualPlans"/>.</summary>
internal sealed class ListAnnualPlansHandler(PlatformDbContext db, AnnualPlanViews views) : IRequestHandler<ListAnnualPlans, IReadOnlyList<AnnualPlanSummary>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AnnualPlanSummary>> Handle(ListAnnualPlans request, CancellationToken cancellationToken)
    {
        var plans = await db.AnnualPlans.AsNoTracking().Where(p => p.Scope == PlanScope.City).OrderByDescending(p => p.Year).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await views.SummariesAsync(plans, cancellationToken).ConfigureAwait(false);
    }
}
