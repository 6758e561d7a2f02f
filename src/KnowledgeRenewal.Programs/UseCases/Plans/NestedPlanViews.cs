using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>One of the city's targets as a county's or department's plan sees it: the city's number, what the others of its kind planned, what is left.</summary>
/// <param name="Kind">Total or a project type.</param>
/// <param name="Key">Its key.</param>
/// <param name="Label">Display label.</param>
/// <param name="CityTrainees">The city's trainee target.</param>
/// <param name="OthersTrainees">What the other counties (departments) planned.</param>
/// <param name="LeftTrainees">What is left for this one (may be negative).</param>
/// <param name="CityProjects">The city's project target, if any.</param>
/// <param name="OthersProjects">What the others planned.</param>
internal sealed record CityShare(PlanTargetKind Kind, string Key, string Label, int CityTrainees, long OthersTrainees, long LeftTrainees, int? CityProjects, long OthersProjects);

/// <summary>A county's or line department's plan with every target against that county's (department's) facts.</summary>
internal sealed record NestedPlanView
{
    /// <summary>The program year.</summary>
    public int Year { get; init; }

    /// <summary>Region or Department.</summary>
    public PlanScope Scope { get; init; }

    /// <summary>The region or department code.</summary>
    public string ScopeCode { get; init; } = "";

    /// <summary>The region's or department's name.</summary>
    public string ScopeName { get; init; } = "";

    /// <summary>Whether the plan has been set (false: a county's page before its plan exists).</summary>
    public bool Exists { get; init; }

    /// <summary>Notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Who set it last.</summary>
    public string? UpdatedByName { get; init; }

    /// <summary>When it was set last (UTC).</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>The day (China time) the progress was computed for.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>The targets (total, project types) and their progress, counted in this region or sector only.</summary>
    public IReadOnlyList<PlanTargetProgress> Targets { get; init; } = [];

    /// <summary>The city's targets this plan sits under, with what the other counties (departments) planned.</summary>
    public IReadOnlyList<CityShare> City { get; init; } = [];

    /// <summary>The city's share for this county (department), if the city's plan gives one.</summary>
    public int? CityShareTrainees { get; init; }

    /// <summary>Whether the city's plan refuses excesses (else they are warnings).</summary>
    public bool EnforceShares { get; init; }

    /// <summary>The excesses this plan takes part in (<see cref="PlanShareRules.Of"/>).</summary>
    public IReadOnlyList<PlanShareExcess> Warnings { get; init; } = [];
}

/// <summary>One county's or department's row of the side-by-side overview.</summary>
/// <param name="Scope">Region or Department.</param>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="HasPlan">Whether it has set a plan.</param>
/// <param name="CityShareTrainees">The city's share for it, if any.</param>
/// <param name="Targets">Its targets and their progress (empty without a plan).</param>
/// <param name="Facts">Its facts (approved projects and trainees), plan or not.</param>
/// <param name="Warnings">The excesses it takes part in.</param>
internal sealed record NestedPlanRow(PlanScope Scope, string Code, string Name, bool HasPlan, int? CityShareTrainees, IReadOnlyList<PlanTargetProgress> Targets, NestedFacts Facts, IReadOnlyList<PlanShareExcess> Warnings);

/// <summary>A county's or department's facts in short.</summary>
/// <param name="Projects">Approved projects.</param>
/// <param name="Trainees">Distinct trainees.</param>
internal sealed record NestedFacts(int Projects, int Trainees);

/// <summary>Every county's and department's plan of a year the caller may see, side by side, with the excesses over the city's.</summary>
internal sealed record NestedPlansOverview
{
    /// <summary>The program year.</summary>
    public int Year { get; init; }

    /// <summary>Whether the city has a plan for the year.</summary>
    public bool HasCityPlan { get; init; }

    /// <summary>Whether the city's plan refuses excesses.</summary>
    public bool EnforceShares { get; init; }

    /// <summary>The day (China time) the progress was computed for.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>One row per county and department the caller may see (the program office: all), counties first.</summary>
    public IReadOnlyList<NestedPlanRow> Rows { get; init; } = [];

    /// <summary>Every excess the caller may see.</summary>
    public IReadOnlyList<PlanShareExcess> Warnings { get; init; } = [];
}

/// <summary>
/// Reads counties' and departments' plans into their views: the facts read once per year with the per-scope counts
/// (<see cref="PlanFactsReader"/>, <see cref="PlanFacts.ForScope"/>) and compared by the city's calculator
/// (<see cref="PlanProgressCalculator"/>) — the same counting as the city's plan, restricted to the scope.
/// </summary>
internal sealed class NestedPlanViews(PlatformDbContext db, PlanFactsReader facts, PlanShareReader shares, ICurrentAccess access, TimeProvider clock)
{
    /// <summary>404 for a region or department code that does not exist.</summary>
    public static PlatformException UnknownScope(PlanScope scope, string code) =>
        new(PlanProblemCodes.UnknownKey, StatusCodes.Status404NotFound, "没有这个县（市、区）或行业主管部门", $"{PlanShareRules.ScopeName(scope)}代码“{code}”不存在。");

    /// <summary>The city's plan of the year (null: not set).</summary>
    public Task<AnnualPlan?> CityAsync(int year, CancellationToken cancellationToken) =>
        db.AnnualPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year && p.Scope == PlanScope.City, cancellationToken);

    /// <summary>The scope's name; 404 when the code is not a county or a department.</summary>
    public async Task<string> NameAsync(PlanScope scope, string code, CancellationToken cancellationToken)
    {
        var found = (await shares.ScopesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Scope == scope && s.Code == code);
        return found.Name ?? throw UnknownScope(scope, code);
    }

    /// <summary>The county's or department's plan (or its empty page when <paramref name="plan"/> is null) and its entity tag.</summary>
    public async Task<Versioned<NestedPlanView>> ViewAsync(int year, PlanScope scope, string code, AnnualPlan? plan, CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var name = await NameAsync(scope, code, cancellationToken).ConfigureAwait(false);
        var names = await shares.NamesAsync(cancellationToken).ConfigureAwait(false);
        var city = await CityAsync(year, cancellationToken).ConfigureAwait(false);
        var nested = await shares.NestedAsync(year, cancellationToken).ConfigureAwait(false);
        var own = plan is null ? [] : PlanShareReader.Figures(plan.Targets);
        var cityFigures = city is null ? [] : PlanShareReader.Figures(city.Targets);
        var excesses = PlanShareRules.Excesses(cityFigures, nested, PlanShareReader.Namer(names));
        var yearFacts = plan is null ? null : await facts.ReadAsync(year, cancellationToken, scoped: true).ConfigureAwait(false);
        var shareKind = scope == PlanScope.Region ? PlanTargetKind.Region : PlanTargetKind.Department;
        var others = nested.Where(n => n.Scope == scope && n.Code != code).ToList();
        var view = new NestedPlanView
        {
            Year = year,
            Scope = scope,
            ScopeCode = code,
            ScopeName = name,
            Exists = plan is not null,
            Notes = plan?.Notes,
            UpdatedByName = plan?.UpdatedByName,
            UpdatedAt = plan?.UpdatedAt,
            AsOf = today,
            Targets = plan is null || yearFacts is null ? [] : Compare(plan, yearFacts.ForScope(scope, code), today, name),
            City = [.. cityFigures.Where(t => PlanShareRules.NestedKinds.Contains(t.Kind)).OrderBy(t => t.Kind).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t =>
            {
                var same = others.Where(o => o.Target.Kind == t.Kind && o.Target.Key == t.Key).ToList();
                var trainees = same.Sum(o => (long)o.Target.Trainees);
                return new CityShare(t.Kind, t.Key, t.Kind == PlanTargetKind.Total ? "总目标" : PlanShareReader.Namer(names)(t.Kind, t.Key), t.Trainees, trainees, t.Trainees - trainees, t.Projects, same.Sum(o => (long)(o.Target.Projects ?? 0)));
            })],
            CityShareTrainees = cityFigures.FirstOrDefault(t => t.Kind == shareKind && t.Key == code)?.Trainees,
            EnforceShares = city?.EnforceShares ?? false,
            Warnings = PlanShareRules.Of(excesses, scope, code, own),
        };
        return new Versioned<NestedPlanView>(view, plan?.ConcurrencyStamp ?? Guid.Empty);
    }

    /// <summary>Every county's and department's plan the caller may see, side by side: the facts read once, each scope cut from them.</summary>
    public async Task<NestedPlansOverview> OverviewAsync(int year, CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var names = await shares.NamesAsync(cancellationToken).ConfigureAwait(false);
        var city = await CityAsync(year, cancellationToken).ConfigureAwait(false);
        var nested = await shares.NestedAsync(year, cancellationToken).ConfigureAwait(false);
        var cityFigures = city is null ? [] : PlanShareReader.Figures(city.Targets);
        var excesses = PlanShareRules.Excesses(cityFigures, nested, PlanShareReader.Namer(names));
        var visible = (await shares.ScopesAsync(cancellationToken).ConfigureAwait(false)).Where(s => AnnualPlanAccess.MayRead(access, s.Scope, s.Code)).ToList();

        // The plans themselves under the caller's scope filter (a county sees its own), targets included.
        var plans = await db.AnnualPlans.AsNoTracking().Where(p => p.Year == year && p.Scope != PlanScope.City).ToListAsync(cancellationToken).ConfigureAwait(false);
        var yearFacts = await facts.ReadAsync(year, cancellationToken, scoped: true).ConfigureAwait(false);
        var rows = new List<NestedPlanRow>(visible.Count);
        foreach (var (scope, code, name) in visible)
        {
            var plan = plans.FirstOrDefault(p => p.Scope == scope && p.ScopeCode == code);
            var scoped = yearFacts.ForScope(scope, code);
            var shareKind = scope == PlanScope.Region ? PlanTargetKind.Region : PlanTargetKind.Department;
            rows.Add(new NestedPlanRow(
                scope,
                code,
                name,
                plan is not null,
                cityFigures.FirstOrDefault(t => t.Kind == shareKind && t.Key == code)?.Trainees,
                plan is null ? [] : Compare(plan, scoped, today, name),
                new NestedFacts(scoped.ProjectsByType.Values.Sum(), scoped.Trainees),
                plan is null ? [] : PlanShareRules.Of(excesses, scope, code, PlanShareReader.Figures(plan.Targets))));
        }

        return new NestedPlansOverview
        {
            Year = year,
            HasCityPlan = city is not null,
            EnforceShares = city?.EnforceShares ?? false,
            AsOf = today,
            Rows = rows,
            Warnings = shares.Visible(excesses),
        };
    }

    private static IReadOnlyList<PlanTargetProgress> Compare(AnnualPlan plan, PlanFacts scoped, DateOnly today, string name) =>
        PlanProgressCalculator.Compare(plan.Year, plan.Targets, scoped, today, t => t.Kind == PlanTargetKind.Total ? name : AnnualPlanViews.Label(t));
}
