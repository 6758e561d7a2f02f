using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>
/// Every county's and line department's plan of a year side by side, each with its progress (the same counting as
/// the city's, restricted to its region or sector, every scope cut from one read of the year's facts) and the excesses
/// over the city's targets. The program office sees every county and department; a county bureau its own region, a
/// line department its own sector (<see cref="AnnualPlanAccess.MayRead"/>).
/// </summary>
/// <param name="Year">The program year.</param>
internal sealed record ListNestedPlans(int Year) : IRequest<NestedPlansOverview>;

/// <summary>Handles <see cref="ListNestedPlans"/>.</summary>
internal sealed class ListNestedPlansHandler(NestedPlanViews views) : IRequestHandler<ListNestedPlans, NestedPlansOverview>
{
    /// <inheritdoc />
    public async Task<NestedPlansOverview> Handle(ListNestedPlans request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AnnualPlanRules.CheckYear(request.Year) is { } yearError)
        {
            throw new KnowledgeRenewal.Sdk.RequestValidationException([yearError]);
        }

        return await views.OverviewAsync(request.Year, cancellationToken).ConfigureAwait(false);
    }
}
