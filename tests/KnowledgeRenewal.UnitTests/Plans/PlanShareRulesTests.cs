using KnowledgeRenewal.Programs.Domain;

namespace KnowledgeRenewal.UnitTests.Plans;

/// <summary>The check of the counties' and departments' plans against the city's (ADR 0018).</summary>
public sealed class PlanShareRulesTests
{
    private static readonly IReadOnlyList<PlanFigure> City =
    [
        new(PlanTargetKind.Total, "", null, 10_000),
        new(PlanTargetKind.ProjectType, "AdvancedSeminar", 20, 600),
        new(PlanTargetKind.ProjectType, "CapacityBuilding", null, 9_000),
        new(PlanTargetKind.Region, "370811", null, 3_000),
    ];

    private static string Name(PlanTargetKind kind, string key) => kind == PlanTargetKind.ProjectType ? $"<{key}>" : $"[{key}]";

    private static NestedPlanFigure County(string code, PlanTargetKind kind, string key, int trainees, int? projects = null) =>
        new(PlanScope.Region, code, new PlanFigure(kind, key, projects, trainees));

    private static NestedPlanFigure Department(string code, PlanTargetKind kind, string key, int trainees) =>
        new(PlanScope.Department, code, new PlanFigure(kind, key, null, trainees));

    [Fact]
    public void Counties_within_the_city_targets_exceed_nothing()
    {
        var nested = new[]
        {
            County("370811", PlanTargetKind.Total, "", 3_000), County("370812", PlanTargetKind.Total, "", 7_000),
            County("370811", PlanTargetKind.ProjectType, "AdvancedSeminar", 300, 10), County("370812", PlanTargetKind.ProjectType, "AdvancedSeminar", 300, 10),
        };

        Assert.Empty(PlanShareRules.Excesses(City, nested, Name));
    }

    [Fact]
    public void The_sum_of_county_targets_of_a_type_beyond_the_citys_is_an_excess_with_the_numbers()
    {
        var nested = new[]
        {
            County("370811", PlanTargetKind.ProjectType, "AdvancedSeminar", 400, 12),
            County("370812", PlanTargetKind.ProjectType, "AdvancedSeminar", 201, 8),
        };

        var excess = Assert.Single(PlanShareRules.Excesses(City, nested, Name));
        Assert.Equal((PlanScope.Region, PlanTargetKind.ProjectType, "AdvancedSeminar", "", PlanMeasure.Trainees, 601L, 600), (excess.Scope, excess.Kind, excess.Key, excess.Code, excess.Measure, excess.Planned, excess.CityTarget));
        Assert.Contains("<AdvancedSeminar>", excess.Message, StringComparison.Ordinal);
        Assert.Contains("601", excess.Message, StringComparison.Ordinal);
        Assert.Contains("600", excess.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projects_are_checked_only_where_the_city_set_a_project_target()
    {
        var nested = new[]
        {
            County("370811", PlanTargetKind.ProjectType, "AdvancedSeminar", 100, 15), County("370812", PlanTargetKind.ProjectType, "AdvancedSeminar", 100, 6),
            County("370811", PlanTargetKind.ProjectType, "CapacityBuilding", 100, 500),
        };

        var excess = Assert.Single(PlanShareRules.Excesses(City, nested, Name));
        Assert.Equal((PlanMeasure.Projects, 21L, 20), (excess.Measure, excess.Planned, excess.CityTarget));
    }

    [Fact]
    public void Counties_and_departments_are_summed_separately()
    {
        // 6,000 + 6,000 across a county and a department: each side alone is within the city's 10,000.
        var nested = new[] { County("370811", PlanTargetKind.Total, "", 2_000), County("370812", PlanTargetKind.Total, "", 4_000), Department("health", PlanTargetKind.Total, "", 6_000) };
        Assert.Empty(PlanShareRules.Excesses(City, nested, Name));

        var over = nested.Append(Department("education", PlanTargetKind.Total, "", 4_001)).ToList();
        var excess = Assert.Single(PlanShareRules.Excesses(City, over, Name));
        Assert.Equal((PlanScope.Department, PlanTargetKind.Total, 10_001L), (excess.Scope, excess.Kind, excess.Planned));
    }

    [Fact]
    public void A_countys_total_beyond_the_share_the_city_gives_it_is_its_own_excess()
    {
        var nested = new[] { County("370811", PlanTargetKind.Total, "", 3_500), County("370812", PlanTargetKind.Total, "", 1_000) };

        var excess = Assert.Single(PlanShareRules.Excesses(City, nested, Name));
        Assert.Equal((PlanTargetKind.Region, "370811", "370811", 3_500L, 3_000), (excess.Kind, excess.Key, excess.Code, excess.Planned, excess.CityTarget));
        Assert.Contains("[370811]", excess.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_takes_part_only_in_the_excesses_its_own_targets_add_to()
    {
        var nested = new[]
        {
            County("370811", PlanTargetKind.Total, "", 3_500),
            County("370811", PlanTargetKind.ProjectType, "AdvancedSeminar", 500),
            County("370812", PlanTargetKind.ProjectType, "AdvancedSeminar", 200),
            County("370813", PlanTargetKind.Total, "", 100),
        };
        var excesses = PlanShareRules.Excesses(City, nested, Name);
        Assert.Equal(2, excesses.Count);

        var own811 = nested.Where(n => n.Code == "370811").Select(n => n.Target).ToList();
        Assert.Equal(2, PlanShareRules.Of(excesses, PlanScope.Region, "370811", own811).Count);
        var own812 = nested.Where(n => n.Code == "370812").Select(n => n.Target).ToList();
        Assert.Equal(PlanTargetKind.ProjectType, Assert.Single(PlanShareRules.Of(excesses, PlanScope.Region, "370812", own812)).Kind);
        var own813 = nested.Where(n => n.Code == "370813").Select(n => n.Target).ToList();
        Assert.Empty(PlanShareRules.Of(excesses, PlanScope.Region, "370813", own813));
        Assert.Empty(PlanShareRules.Of(excesses, PlanScope.Department, "370812", own812));
    }

    [Fact]
    public void Nested_plans_hold_only_the_total_and_project_types_and_no_enforce_flag()
    {
        var errors = PlanShareRules.CheckNested(new AnnualPlanInput
        {
            EnforceShares = true,
            Targets = [new() { Kind = "Total", Trainees = 1 }, new() { Kind = "区域", Key = "370811", Trainees = 1 }, new() { Kind = "ProjectType", Key = "AdvancedSeminar", Trainees = 1 }],
        });

        Assert.Equal(["targets[1].kind", "enforceShares"], errors.Select(e => e.Field));
        Assert.Equal(PlanProblemCodes.KindNotNested, errors[0].Code);
    }
}

/// <summary>The facts of one county or department cut from the year's facts (<see cref="PlanFacts.ForScope"/>).</summary>
public sealed class PlanFactsScopeTests
{
    [Fact]
    public void A_countys_facts_are_its_own_counts_by_type_and_in_total()
    {
        var facts = new PlanFacts
        {
            ProjectsByType = new Dictionary<ProjectType, int> { [ProjectType.AdvancedSeminar] = 5 },
            ProjectsByRegion = new Dictionary<string, int> { ["370811"] = 3, ["370812"] = 2 },
            Trainees = 100,
            TraineesByRegion = new Dictionary<string, int> { ["370811"] = 60, ["370812"] = 40 },
            ScopedProjects = [new(PlanScope.Region, "370811", ProjectType.AdvancedSeminar, 3), new(PlanScope.Region, "370812", ProjectType.AdvancedSeminar, 2)],
            ScopedTrainees = [new(PlanScope.Region, "370811", ProjectType.AdvancedSeminar, 25), new(PlanScope.Department, "370811", ProjectType.AdvancedSeminar, 99)],
        };

        var county = facts.ForScope(PlanScope.Region, "370811");
        Assert.Equal(60, county.Trainees);
        Assert.Equal(25, county.TraineesByType[ProjectType.AdvancedSeminar]);
        Assert.Equal(3, county.ProjectsByType[ProjectType.AdvancedSeminar]);
        Assert.Same(facts, facts.ForScope(PlanScope.City, ""));

        var progress = PlanProgressCalculator.Compare(2025, [new PlanTarget { Kind = PlanTargetKind.Total, Trainees = 120 }], county, new DateOnly(2026, 1, 1), _ => "x");
        Assert.Equal((60, 3, 50m), (progress[0].ActualTrainees, progress[0].ActualProjects, progress[0].Percent));
    }
}
