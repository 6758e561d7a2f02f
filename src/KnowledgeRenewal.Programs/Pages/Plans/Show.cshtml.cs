using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Plans;

/// <summary>
/// <c>/plans/{year}</c>: one year's plan — every target (total, per project type, region, department) against its
/// progress as <c>GET /api/annual-plans/{year}</c> computes it (<see cref="GetAnnualPlan"/>), as numbers, percentages
/// and progress bars, shortfalls marked. A program year without a plan is a page that says so (404, as the API).
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class ShowModel(IMediator mediator) : PlanPageModel
{
    /// <summary>The year asked for.</summary>
    public int Year { get; private set; }

    /// <summary>The plan (null: not set yet).</summary>
    public AnnualPlanView? Plan { get; private set; }

    /// <summary>The counties' and departments' plans the caller may see, side by side (<see cref="ListNestedPlans"/>).</summary>
    public NestedPlansOverview? Nested { get; private set; }

    /// <summary>Whether the caller sets a county's or department's plan of its own.</summary>
    public bool MaySetNested => User.IsInRole(PlatformRoles.CountyAdmin) || User.IsInRole(PlatformRoles.DepartmentAdmin);

    /// <summary>The targets short of the year's pace (进度滞后 or 未完成).</summary>
    public IReadOnlyList<PlanTargetProgress> Shortfalls => Plan is null ? [] : [.. Plan.Targets.Where(t => Short(t.Status))];

    /// <summary>Loads the plan.</summary>
    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!ProgramPeriod.Contains(year))
        {
            return NotFound();
        }

        Year = year;
        try
        {
            Plan = (await mediator.Send(new GetAnnualPlan(year), cancellationToken).ConfigureAwait(false)).Value;
            Nested = await mediator.Send(new ListNestedPlans(year), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem) when (problem.Code == PlanProblemCodes.PlanNotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
