using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Programs.Pages.Plans;

/// <summary>
/// <c>/plans</c> 年度计划: every year of the program with its plan (<see cref="ListAnnualPlanYears"/>), and the current
/// year's total against the trainees so far as <c>GET /api/annual-plans/{year}</c> computes it (<see cref="GetAnnualPlan"/>);
/// a year without a plan says so and, for the program office, links to setting it.
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class IndexModel(IMediator mediator, TimeProvider clock) : PlanPageModel
{
    /// <summary>One row per program year (newest first): the year and its plan, if set.</summary>
    public IReadOnlyList<(int Year, AnnualPlanYear? Plan)> Years { get; private set; } = [];

    /// <summary>The current year (China time).</summary>
    public int ThisYear { get; private set; }

    /// <summary>The current year's total target against the trainees so far (null: no plan for it).</summary>
    public PlanTargetProgress? ThisYearTotal { get; private set; }

    /// <summary>How many of the current year's targets are short of the year's pace.</summary>
    public int ThisYearShortfalls { get; private set; }

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ThisYear = ProgramCalendar.Today(clock).Year;
        var plans = await mediator.Send(new ListAnnualPlanYears(), cancellationToken).ConfigureAwait(false);
        Years = [.. Enumerable.Range(ProgramPeriod.FirstYear, ProgramPeriod.LastYear - ProgramPeriod.FirstYear + 1)
            .Reverse()
            .Select(year => (year, plans.FirstOrDefault(p => p.Year == year)))];
        if (plans.Any(p => p.Year == ThisYear))
        {
            var plan = (await mediator.Send(new GetAnnualPlan(ThisYear), cancellationToken).ConfigureAwait(false)).Value;
            ThisYearTotal = plan.Targets.FirstOrDefault(t => t.Kind == PlanTargetKind.Total);
            ThisYearShortfalls = plan.Targets.Count(t => Short(t.Status));
        }
    }
}
