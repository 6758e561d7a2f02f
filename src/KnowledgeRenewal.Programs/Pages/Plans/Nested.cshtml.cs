using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Plans;

/// <summary>
/// <c>/plans/{year}/regions/{code}</c>, <c>/plans/{year}/departments/{code}</c>: a county's or line department's own
/// plan (<see cref="GetNestedPlan"/>, as <c>GET /api/annual-plans/{year}/regions/{code}</c>) — its targets against the
/// progress counted in its region or sector, the city's targets it sits under with what the others planned, and the
/// warnings where it exceeds them. The program office reads every one; a county or department its own.
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class NestedModel(IMediator mediator) : PlanPageModel
{
    /// <summary>The plan (its page before it is set: <see cref="NestedPlanView.Exists"/> false).</summary>
    public NestedPlanView Plan { get; private set; } = new();

    /// <summary>Whether the caller sets this plan (the county's bureau, the department).</summary>
    public bool MayEdit { get; private set; }

    /// <summary>The targets short of the year's pace.</summary>
    public IReadOnlyList<PlanTargetProgress> Shortfalls => [.. Plan.Targets.Where(t => Short(t.Status))];

    /// <summary>Loads the plan.</summary>
    public async Task<IActionResult> OnGetAsync(int year, string segment, string code, CancellationToken cancellationToken)
    {
        if (!ProgramPeriod.Contains(year))
        {
            return NotFound();
        }

        var scope = ScopeOf(segment);
        Plan = (await mediator.Send(new GetNestedPlan(year, scope, code), cancellationToken).ConfigureAwait(false)).Value;
        MayEdit = scope == PlanScope.Region ? User.IsInRole(PlatformRoles.CountyAdmin) : User.IsInRole(PlatformRoles.DepartmentAdmin);
        return Page();
    }
}
