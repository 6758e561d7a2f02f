using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>
/// A county's or line department's plan of a year with its progress (counted in that region or sector only), the
/// city's targets it sits under and the excesses it takes part in. The program office reads any; a county bureau its
/// region's, a department its own (403 <see cref="PlanProblemCodes.NotPlanOwner"/>). A plan not set yet is a view with
/// <see cref="NestedPlanView.Exists"/> false (the owner's page offers to set it), never a 404.
/// </summary>
/// <param name="Year">The program year.</param>
/// <param name="Scope">Region or Department.</param>
/// <param name="Code">The region or department code.</param>
internal sealed record GetNestedPlan(int Year, PlanScope Scope, string Code) : IRequest<Versioned<NestedPlanView>>;

/// <summary>Handles <see cref="GetNestedPlan"/>.</summary>
internal sealed class GetNestedPlanHandler(PlatformDbContext db, NestedPlanViews views, ICurrentAccess access) : IRequestHandler<GetNestedPlan, Versioned<NestedPlanView>>
{
    /// <inheritdoc />
    public async Task<Versioned<NestedPlanView>> Handle(GetNestedPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Scope == PlanScope.City)
        {
            throw NestedPlanViews.UnknownScope(request.Scope, request.Code);
        }

        AnnualPlanAccess.RequireReader(access, request.Scope, request.Code);
        if (AnnualPlanRules.CheckYear(request.Year) is { } yearError)
        {
            throw new RequestValidationException([yearError]);
        }

        var plan = await db.AnnualPlans.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Year == request.Year && p.Scope == request.Scope && p.ScopeCode == request.Code, cancellationToken).ConfigureAwait(false);
        return await views.ViewAsync(request.Year, request.Scope, request.Code, plan, cancellationToken).ConfigureAwait(false);
    }
}
