using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>A year's plan with every target against what happened (as of <see cref="AsOf"/>).</summary>
internal sealed record AnnualPlanView
{
    /// <summary>The program year.</summary>
    public int Year { get; init; }

    /// <summary>Notes of the program office.</summary>
    public string? Notes { get; init; }

    /// <summary>Who set the plan last.</summary>
    public string? UpdatedByName { get; init; }

    /// <summary>When it was set last (UTC).</summary>
    public DateTime UpdatedAt { get; init; }

    /// <summary>The day (China time) the progress was computed for.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>The targets and their progress: total, project types, regions, departments.</summary>
    public IReadOnlyList<PlanTargetProgress> Targets { get; init; } = [];

    /// <summary>Whether the counties' and departments' plans must stay within this plan's targets (refused), or are warned.</summary>
    public bool EnforceShares { get; init; }

    /// <summary>Where the counties' and departments' plans exceed this plan's targets (<see cref="PlanShareRules"/>; the caller's own and the sums).</summary>
    public IReadOnlyList<PlanShareExcess> ShareWarnings { get; init; } = [];

    /// <summary>The plans continuing-education bases filed for the year and the program office accepted (<see cref="IBasePlanFilings"/>).</summary>
    public IReadOnlyList<BasePlanFiling> BasePlans { get; init; } = [];
}

/// <summary>One plan in the list: its total target against the trainees so far.</summary>
/// <param name="Year">The program year.</param>
/// <param name="TargetTrainees">The total trainee target.</param>
/// <param name="ActualTrainees">Trainees so far.</param>
/// <param name="Percent">Percentage reached.</param>
/// <param name="StatusName">Where it stands (Chinese).</param>
internal sealed record AnnualPlanSummary(int Year, int TargetTrainees, int ActualTrainees, decimal Percent, string StatusName);

/// <summary>
/// Reads plans into their views: every target against the year's facts (<see cref="PlanFactsReader"/>) as of today
/// (China time), regions and departments named.
/// </summary>
internal sealed class AnnualPlanViews(PlatformDbContext db, PlanFactsReader facts, PlanShareReader shares, TimeProvider clock, IEnumerable<IBasePlanFilings> basePlans)
{
    /// <summary>404 for a year without a plan.</summary>
    public static PlatformException NotFound(int year) =>
        new(PlanProblemCodes.PlanNotFound, StatusCodes.Status404NotFound, "年度计划不存在", $"{year} 年度计划尚未设置：市项目办可用 PUT /api/annual-plans/{year} 设置。");

    /// <summary>The label of a target's key (the project type's Chinese name; the code otherwise).</summary>
    public static string Label(PlanTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AnnualPlanRules.Label(new ValidPlanTarget(target.Kind, target.Key, target.Projects, target.Trainees, 0));
    }

    /// <summary>Each plan's total target against the trainees so far, every year's facts read together.</summary>
    public async Task<IReadOnlyList<AnnualPlanSummary>> SummariesAsync(IReadOnlyList<AnnualPlan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var today = ProgramCalendar.Today(clock);
        var totals = await facts.TotalsAsync([.. plans.Select(p => p.Year)], cancellationToken).ConfigureAwait(false);
        return
        [
            .. plans.Select(plan =>
            {
                var total = plan.Targets.Where(t => t.Kind == PlanTargetKind.Total).ToList();
                var row = PlanProgressCalculator.Compare(plan.Year, total, totals[plan.Year], today, Label).Single();
                return new AnnualPlanSummary(plan.Year, row.TargetTrainees, row.ActualTrainees, row.Percent, row.StatusName);
            }),
        ];
    }

    /// <summary>The plan with every target's progress, and its entity tag.</summary>
    public async Task<Versioned<AnnualPlanView>> ViewAsync(AnnualPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var today = ProgramCalendar.Today(clock);
        var yearFacts = await facts.ReadAsync(plan.Year, cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var progress = PlanProgressCalculator.Compare(plan.Year, plan.Targets, yearFacts, today, t => t.Kind is PlanTargetKind.Region or PlanTargetKind.Department
            ? names.GetValueOrDefault(t.Key, t.Key)
            : Label(t));
        var view = new AnnualPlanView
        {
            Year = plan.Year,
            Notes = plan.Notes,
            UpdatedByName = plan.UpdatedByName,
            UpdatedAt = plan.UpdatedAt,
            AsOf = today,
            Targets = progress,
            EnforceShares = plan.EnforceShares,
            ShareWarnings = shares.Visible(PlanShareRules.Excesses(
                PlanShareReader.Figures(plan.Targets),
                await shares.NestedAsync(plan.Year, cancellationToken).ConfigureAwait(false),
                PlanShareReader.Namer(names))),
            BasePlans = await BasePlansAsync(plan.Year, cancellationToken).ConfigureAwait(false),
        };
        return new Versioned<AnnualPlanView>(view, plan.ConcurrencyStamp);
    }

    private async Task<IReadOnlyList<BasePlanFiling>> BasePlansAsync(int year, CancellationToken cancellationToken)
    {
        var plans = new List<BasePlanFiling>();
        foreach (var source in basePlans)
        {
            plans.AddRange(await source.AcceptedPlansForAsync(year, cancellationToken).ConfigureAwait(false));
        }

        return plans;
    }

    // Region and department codes share no values, so one dictionary names both.
    private async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return regions.Concat(departments).ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);
    }
}
