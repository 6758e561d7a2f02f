using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;

namespace KnowledgeRenewal.UnitTests.Supervision.Bases;

public sealed class BaseAssessmentRulesTests
{
    private static readonly AssessmentMethod Method = new()
    {
        Version = 3, TraineesWeight = 40, SeminarsWeight = 15, CoursesWeight = 15, CompletionWeight = 15, SatisfactionWeight = 10, InspectionWeight = 5,
        SeminarsTarget = 2, CoursesTarget = 4, PassMark = 60, Note = "test",
    };

    [Fact]
    public void A_base_that_reaches_every_target_scores_100()
    {
        var (score, passed, points) = AssessmentRules.Score(new ScorecardFigures(1500, 3, 2, 5, 1m, 1m, 100m), Method, 1000);
        Assert.Equal(100m, score);
        Assert.True(passed);
        Assert.Equal(100m, points.Sum(p => p.Points));
    }

    [Fact]
    public void Each_indicator_counts_its_share_of_the_target_capped_at_one_and_missing_data_counts_zero()
    {
        // trainees 500/1000 = 0.5 × 40; seminars 1/2 × 15; courses 4/4 × 15; completion 0.8 × 15; satisfaction none; inspection none.
        var (score, passed, points) = AssessmentRules.Score(new ScorecardFigures(500, 1, 1, 3, 0.8m, null, null), Method, 1000);
        Assert.Equal(Math.Round(100m * (20m + 7.5m + 15m + 12m) / 100m, 1), score);
        Assert.False(passed);
        Assert.Equal(0m, points.Single(p => p.Key == "satisfaction").Points);
        Assert.Equal(0m, points.Single(p => p.Key == "inspection").Points);
        Assert.Equal(20m, points.Single(p => p.Key == "trainees").Points);
    }

    [Fact]
    public void The_weights_decide_the_score_so_a_new_method_version_scores_the_same_figures_differently()
    {
        var figures = new ScorecardFigures(1000, 0, 0, 0, 0m, 0m, null);
        var onlyTrainees = new AssessmentMethod { Version = 4, TraineesWeight = 1, SeminarsTarget = 1, CoursesTarget = 1, PassMark = 60, Note = "x" };
        Assert.Equal(100m, AssessmentRules.Score(figures, onlyTrainees, 1000).Score);
        Assert.Equal(40m, AssessmentRules.Score(figures, Method, 1000).Score);
    }

    [Fact]
    public void A_score_exactly_on_the_pass_mark_passes()
    {
        var method = new AssessmentMethod { Version = 5, TraineesWeight = 1, SeminarsTarget = 1, CoursesTarget = 1, PassMark = 60, Note = "x" };
        Assert.True(AssessmentRules.Score(new ScorecardFigures(600, 0, 0, 0, null, null, null), method, 1000).Passed);
        Assert.False(AssessmentRules.Score(new ScorecardFigures(599, 0, 0, 0, null, null, null), method, 1000).Passed);
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(false, true, false)]
    [InlineData(false, null, false)]
    [InlineData(true, false, false)]
    public void Exit_is_proposed_only_after_two_failed_years_in_a_row(bool passedThisYear, bool? passedBefore, bool proposed) =>
        Assert.Equal(proposed, AssessmentRules.ProposeExit(passedThisYear, passedBefore));

    [Fact]
    public void A_method_whose_weights_add_up_to_zero_is_refused()
    {
        var method = new AssessmentMethod { Version = 6, SeminarsTarget = 1, CoursesTarget = 1, PassMark = 60, Note = "x" };
        Assert.Throws<ArgumentException>(() => AssessmentRules.Score(new ScorecardFigures(0, 0, 0, 0, null, null, null), method, 1000));
    }
}

public sealed class BaseDesignationRulesTests
{
    [Fact]
    public void A_first_designation_runs_from_today_for_the_configured_years()
    {
        var (from, to, renewal) = DesignationRules.Period(new DateOnly(2026, 12, 6), 3, null);
        Assert.Equal(new DateOnly(2026, 12, 6), from);
        Assert.Equal(new DateOnly(2029, 12, 5), to);
        Assert.False(renewal);
    }

    [Fact]
    public void A_renewal_starts_the_day_after_the_running_period_so_periods_never_overlap()
    {
        var (from, to, renewal) = DesignationRules.Period(new DateOnly(2026, 12, 6), 3, new DateOnly(2027, 8, 31));
        Assert.Equal(new DateOnly(2027, 9, 1), from);
        Assert.Equal(new DateOnly(2030, 8, 31), to);
        Assert.True(renewal);
    }

    [Fact]
    public void A_renewal_after_the_period_lapsed_starts_today()
    {
        var (from, _, renewal) = DesignationRules.Period(new DateOnly(2026, 12, 6), 3, new DateOnly(2026, 6, 30));
        Assert.Equal(new DateOnly(2026, 12, 6), from);
        Assert.True(renewal);
    }

    [Theory]
    [InlineData(BaseStatus.Active, BaseStatus.UnderReview, true)]
    [InlineData(BaseStatus.Active, BaseStatus.Revoked, true)]
    [InlineData(BaseStatus.UnderReview, BaseStatus.Active, true)]
    [InlineData(BaseStatus.UnderReview, BaseStatus.Revoked, true)]
    [InlineData(BaseStatus.Revoked, BaseStatus.Active, false)]
    [InlineData(BaseStatus.Revoked, BaseStatus.UnderReview, false)]
    [InlineData(BaseStatus.Active, BaseStatus.Active, false)]
    public void Status_changes_follow_the_rule(BaseStatus from, BaseStatus to, bool allowed) =>
        Assert.Equal(allowed, BaseStatusRules.Allowed(from, to));

    [Theory]
    [InlineData(4, 4, 4, 4, true)]
    [InlineData(5, 5, 3, 3, true)]
    [InlineData(5, 4, 3, 3, false)]
    public void An_evaluation_counts_as_satisfied_from_a_mean_of_four(int content, int teacher, int organization, int usefulness, bool satisfied) =>
        Assert.Equal(satisfied, ClassEvaluation.Satisfied(content, teacher, organization, usefulness));
}
