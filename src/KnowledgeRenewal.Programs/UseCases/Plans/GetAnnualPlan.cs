using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>One year's plan with the progress of every target, and its entity tag (404 when not set).</summary>
/// <param name="Year">The program year.</param>
internal sealed record GetAnnualPlan(int Year) : IRequest<Versioned<AnnualPlanView>>;

/// <summary>Handles <see cref="GetAnnualPlan"/>.</summary>
internal sealed class GetAnnualPlanHandler(PlatformDbContext db, AnnualPlanViews views) : IRequestHandler<GetAnnualPlan, Versioned<AnnualPlanView>>
{
    /// <inheritdoc />
    public async Task<Versioned<AnnualPlanView>> Handle(GetAnnualPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await db.AnnualPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Year == request.Year && p.Scope == PlanScope.City, cancellationToken).ConfigureAwait(false)
            ?? throw AnnualPlanViews.NotFound(request.Year);
        return await views.ViewAsync(plan, cancellationToken).ConfigureAwait(false);
    }
}
