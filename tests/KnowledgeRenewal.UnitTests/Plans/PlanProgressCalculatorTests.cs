using KnowledgeRenewal.Programs.Domain;

namespace KnowledgeRenewal.UnitTests.Plans;

/// <summary>Plan progress: each target against the year's counted facts and the share of the year gone by.</summary>
public sealed class PlanProgressCalculatorTests
{
    private static readonly PlanFacts Facts = new()
    {
        ProjectsByType = new Dictionary<ProjectType, int> { [ProjectType.AdvancedSeminar] = 12, [ProjectType.CapacityBuilding] = 40 },
        ProjectsByRegion = new Dictionary<string, int> { ["370811"] = 9 },
        ProjectsByDepartment = new Dictionary<string, int> { ["health"] = 5 },
        Trainees = 60_000,
        TraineesByType = new Dictionary<ProjectType, int> { [ProjectType.AdvancedSeminar] = 610, [ProjectType.CapacityBuilding] = 45_000 },
        TraineesByRegion = new Dictionary<string, int> { ["370811"] = 16_500 },
        TraineesByDepartment = new Dictionary<string, int> { ["health"] = 10_000 },
    };

    private static PlanTarget Target(PlanTargetKind kind, string key, int trainees, int? projects = null) =>
        new() { Year = 2025, Kind = kind, Key = key, Trainees = trainees, Projects = projects };

    private static IReadOnlyList<PlanTargetProgress> Compare(DateOnly today, params PlanTarget[] targets) =>
        PlanProgressCalculator.Compare(2025, targets, Facts, today, t => t.Key);

    [Theory]
    [InlineData(2024, 12, 31, 0)]
    [InlineData(2025, 1, 1, 0.3)]
    [InlineData(2025, 7, 2, 50.1)]
    [InlineData(2025, 12, 31, 100)]
    [InlineData(2026, 3, 1, 100)]
    public void The_pace_is_the_share_of_the_year_gone_by(int year, int month, int day, decimal expected) =>
        Assert.Equal(expected, PlanProgressCalculator.YearElapsedPercent(2025, new DateOnly(year, month, day)));

    [Fact]
    public void Every_target_reads_its_own_facts()
    {
        var rows = Compare(
            new DateOnly(2025, 12, 31),
            Target(PlanTargetKind.Department, "health", 25_000),
            Target(PlanTargetKind.Total, "", 100_000),
            Target(PlanTargetKind.ProjectType, "AdvancedSeminar", 600, projects: 20),
            Target(PlanTargetKind.Region, "370811", 16_000));

        Assert.Equal([PlanTargetKind.Total, PlanTargetKind.ProjectType, PlanTargetKind.Region, PlanTargetKind.Department], rows.Select(r => r.Kind));
        Assert.Equal((52, 60_000, 60.0m), (rows[0].ActualProjects, rows[0].ActualTrainees, rows[0].Percent));
        Assert.Equal((12, 610), (rows[1].ActualProjects, rows[1].ActualTrainees));
        Assert.Equal((9, 16_500, PlanProgressStatus.Met), (rows[2].ActualProjects, rows[2].ActualTrainees, rows[2].Status));
        Assert.Equal((5, 10_000, 40.0m), (rows[3].ActualProjects, rows[3].ActualTrainees, rows[3].Percent));
    }

    [Fact]
    public void A_target_is_met_only_when_its_project_count_is_met_too()
    {
        // 610 of 600 seminar trainees, but only 12 of 20 seminars: the year is over, so it was missed.
        var row = Assert.Single(Compare(new DateOnly(2026, 1, 5), Target(PlanTargetKind.ProjectType, "AdvancedSeminar", 600, projects: 20)));

        Assert.Equal(PlanProgressStatus.Missed, row.Status);
        Assert.Equal("未完成", row.StatusName);
        Assert.Equal(101.6m, row.Percent);
    }

    [Theory]
    [InlineData(3, 1, PlanProgressStatus.OnTrack)] // 16.4 % of the year gone by, 60 % reached
    [InlineData(9, 1, PlanProgressStatus.Behind)] // 66.8 % gone by, 60 % reached
    [InlineData(12, 31, PlanProgressStatus.Missed)]
    public void Unmet_targets_are_judged_against_the_pace(int month, int day, PlanProgressStatus expected)
    {
        var row = Assert.Single(Compare(new DateOnly(2025, month, day), Target(PlanTargetKind.Total, "", 100_000)));

        Assert.Equal(expected, row.Status);
    }

    [Fact]
    public void A_future_year_has_not_started_and_a_zero_target_is_met()
    {
        var rows = Compare(new DateOnly(2024, 6, 1), Target(PlanTargetKind.Region, "370812", 5_000), Target(PlanTargetKind.Region, "370826", 0));

        Assert.Equal(PlanProgressStatus.NotStarted, rows[0].Status);
        Assert.Equal((0, 0m), (rows[0].ActualTrainees, rows[0].Percent));
        Assert.Equal((PlanProgressStatus.Met, 100m), (rows[1].Status, rows[1].Percent));
    }
}
