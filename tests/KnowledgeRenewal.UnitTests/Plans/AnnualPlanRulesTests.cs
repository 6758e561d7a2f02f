using KnowledgeRenewal.Programs.Domain;

namespace KnowledgeRenewal.UnitTests.Plans;

/// <summary>The checks of a submitted annual plan and the seed's defaults.</summary>
public sealed class AnnualPlanRulesTests
{
    private static PlanTargetInput Target(string kind, string? key, int? trainees, int? projects = null) =>
        new() { Kind = kind, Key = key, Trainees = trainees, Projects = projects };

    [Fact]
    public void The_defaults_are_the_seed_numbers()
    {
        var total = Assert.Single(AnnualPlanRules.Defaults, t => t.Kind == PlanTargetKind.Total);
        Assert.Equal(100_000, total.Trainees);
        var seminars = Assert.Single(AnnualPlanRules.Defaults, t => t.Key == "AdvancedSeminar");
        Assert.Equal((20, 600), (seminars.Projects!.Value, seminars.Trainees));
        Assert.Equal(90_000, Assert.Single(AnnualPlanRules.Defaults, t => t.Key == "CapacityBuilding").Trainees);
    }

    [Fact]
    public void A_good_plan_passes_with_chinese_kind_names()
    {
        var (targets, notes, errors) = AnnualPlanRules.Validate(new AnnualPlanInput
        {
            Notes = "  2025 年度计划  ",
            Targets = [Target("总目标", null, 100_000), Target("项目类型", "AdvancedSeminar", 600, 20), Target("区域", "370811", 16_000), Target("Department", "health", 25_000)],
        });

        Assert.Empty(errors);
        Assert.Equal("2025 年度计划", notes);
        Assert.Equal(4, targets.Count);
        Assert.Equal(PlanTargetKind.ProjectType, targets[1].Kind);
    }

    [Fact]
    public void A_plan_needs_one_total()
    {
        var (_, _, errors) = AnnualPlanRules.Validate(new AnnualPlanInput { Targets = [Target("Region", "370811", 100)] });

        var error = Assert.Single(errors);
        Assert.Equal(("targets", "total_required"), (error.Field, error.Code));
        Assert.Contains("总目标", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_bad_row_is_named()
    {
        var (targets, _, errors) = AnnualPlanRules.Validate(new AnnualPlanInput
        {
            Targets =
            [
                Target("Total", "x", 100_000),
                Target("Kind", "a", 1),
                Target("ProjectType", "Seminar", 1),
                Target("Region", "", 1),
                Target("Department", "health", null),
                Target("Department", "education", -1, projects: 20_000),
            ],
        });

        Assert.Empty(targets);
        Assert.Contains(errors, e => e is { Field: "targets[0].key", Code: "must_be_empty", Row: 1 });
        Assert.Contains(errors, e => e is { Field: "targets[1].kind", Code: "invalid", Row: 2 });
        Assert.Contains(errors, e => e.Field == "targets[2].key" && e.Message.Contains("AdvancedSeminar（高级研修项目）", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Field: "targets[3].key", Code: "required" } && e.Message.Contains("区域代码", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Field: "targets[4].trainees", Code: "required", Row: 5 });
        Assert.Contains(errors, e => e is { Field: "targets[5].trainees", Code: "out_of_range" });
        Assert.Contains(errors, e => e is { Field: "targets[5].projects", Code: "out_of_range" });
        Assert.All(errors, e => Assert.Contains("第 ", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_target_twice_is_refused()
    {
        var (_, _, errors) = AnnualPlanRules.Validate(new AnnualPlanInput
        {
            Targets = [Target("Total", null, 1000), Target("Region", "370811", 10), Target("区域", "370811", 20)],
        });

        var error = Assert.Single(errors);
        Assert.Equal(("targets[2].key", "duplicate", 3), (error.Field, error.Code, error.Row));
    }

    [Theory]
    [InlineData("ProjectType", "AdvancedSeminar", "CapacityBuilding", "项目类型")]
    [InlineData("Region", "370811", "370812", "区域")]
    [InlineData("Department", "health", "education", "行业")]
    public void The_shares_of_a_dimension_cannot_exceed_the_total(string kind, string first, string second, string label)
    {
        var (_, _, errors) = AnnualPlanRules.Validate(new AnnualPlanInput
        {
            Targets = [Target("Total", null, 1000), Target(kind, first, 600), Target(kind, second, 401)],
        });

        var error = Assert.Single(errors);
        Assert.Equal(PlanProblemCodes.SharesExceedTotal, error.Code);
        Assert.Equal($"按{label}分解的目标人数合计 1,001，超过了总目标 1,000。", error.Message);
    }

    [Fact]
    public void Shares_equal_to_the_total_pass()
    {
        var (_, _, errors) = AnnualPlanRules.Validate(new AnnualPlanInput
        {
            Targets = [Target("Total", null, 1000), Target("Region", "370811", 600), Target("Region", "370812", 400)],
        });

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(2022, false)]
    [InlineData(2023, true)]
    [InlineData(2030, true)]
    [InlineData(2031, false)]
    public void Plans_are_for_the_program_years(int year, bool allowed)
    {
        var error = AnnualPlanRules.CheckYear(year);

        Assert.Equal(allowed, error is null);
        if (error is not null)
        {
            Assert.Equal(PlanProblemCodes.YearOutsideProgram, error.Code);
        }
    }
}
