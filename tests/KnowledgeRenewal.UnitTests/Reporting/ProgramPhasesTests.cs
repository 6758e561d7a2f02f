using KnowledgeRenewal.Reporting.Domain;

namespace KnowledgeRenewal.UnitTests.Reporting;

/// <summary>
/// The program's phase from the date (seed 四(五)): 2023 start; 2023–2025 roll-out; 2025–2030 full implementation with
/// the mid-term evaluation in 2025; 2030 final evaluation — overlapping years belong to the stage that starts in them.
/// </summary>
public sealed class ProgramPhasesTests
{
    [Theory]
    [InlineData("2022-12-31", ProgramStage.NotStarted, "尚未启动", 0)]
    [InlineData("2023-01-01", ProgramStage.Launch, "启动实施", 1)]
    [InlineData("2023-12-31", ProgramStage.Launch, "启动实施", 1)]
    [InlineData("2024-01-01", ProgramStage.RollOut, "逐步落实", 2)]
    [InlineData("2024-12-31", ProgramStage.RollOut, "逐步落实", 2)]
    [InlineData("2025-01-01", ProgramStage.FullImplementation, "全面实施", 3)]
    [InlineData("2026-12-06", ProgramStage.FullImplementation, "全面实施", 4)]
    [InlineData("2029-12-31", ProgramStage.FullImplementation, "全面实施", 7)]
    [InlineData("2030-01-01", ProgramStage.FinalEvaluation, "总结评估", 8)]
    [InlineData("2030-12-31", ProgramStage.FinalEvaluation, "总结评估", 8)]
    [InlineData("2031-01-01", ProgramStage.Ended, "已结束", 9)]
    public void The_stage_follows_the_date(string day, ProgramStage stage, string name, int programYear)
    {
        var phase = ProgramPhases.On(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stage, phase.Stage);
        Assert.Equal(name, phase.Name);
        Assert.Equal(programYear, phase.ProgramYear);
    }

    [Fact]
    public void Overlapping_years_list_every_stage_they_belong_to()
    {
        Assert.Equal([ProgramStage.Launch, ProgramStage.RollOut], ProgramPhases.On(new DateOnly(2023, 6, 1)).ActiveStages);
        Assert.Equal([ProgramStage.RollOut], ProgramPhases.On(new DateOnly(2024, 6, 1)).ActiveStages);
        Assert.Equal([ProgramStage.RollOut, ProgramStage.FullImplementation], ProgramPhases.On(new DateOnly(2025, 6, 1)).ActiveStages);
        Assert.Equal([ProgramStage.FullImplementation], ProgramPhases.On(new DateOnly(2027, 6, 1)).ActiveStages);
        Assert.Equal([ProgramStage.FullImplementation, ProgramStage.FinalEvaluation], ProgramPhases.On(new DateOnly(2030, 6, 1)).ActiveStages);
        Assert.Empty(ProgramPhases.On(new DateOnly(2031, 1, 1)).ActiveStages);
    }

    [Fact]
    public void The_evaluations_are_announced_in_their_years()
    {
        Assert.Equal(2025, ProgramPhases.On(new DateOnly(2024, 1, 1)).MidTermEvaluationYear);
        Assert.Equal(2030, ProgramPhases.On(new DateOnly(2024, 1, 1)).FinalEvaluationYear);
        Assert.Contains("2025 年进行中期检查评估（还有 1 年）", ProgramPhases.On(new DateOnly(2024, 3, 1)).Milestone, StringComparison.Ordinal);
        Assert.Contains("今年（2025 年）进行中期检查评估", ProgramPhases.On(new DateOnly(2025, 3, 1)).Milestone, StringComparison.Ordinal);
        Assert.Contains("2030 年进行全面总结评估（还有 4 年）", ProgramPhases.On(new DateOnly(2026, 3, 1)).Milestone, StringComparison.Ordinal);
        Assert.Contains("今年（2030 年）进行全面总结评估", ProgramPhases.On(new DateOnly(2030, 3, 1)).Milestone, StringComparison.Ordinal);
        Assert.Equal((2023, 2025), ProgramPhases.MidTermPeriod);
    }

    [Fact]
    public void The_elapsed_share_runs_from_0_to_100_over_the_eight_years()
    {
        Assert.Equal(0m, ProgramPhases.ElapsedPercent(new DateOnly(2022, 12, 31)));
        Assert.Equal(100m, ProgramPhases.ElapsedPercent(new DateOnly(2030, 12, 31)));
        Assert.Equal(100m, ProgramPhases.ElapsedPercent(new DateOnly(2032, 1, 1)));

        // 2023–2026 are 4 of 8 years (1,461 of 2,922 days): half.
        Assert.Equal(50m, ProgramPhases.ElapsedPercent(new DateOnly(2026, 12, 31)));
        Assert.Equal(1.0m, ProgramPhases.ElapsedPercent(new DateOnly(2023, 1, 30)));
    }
}
