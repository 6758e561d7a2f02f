using System.Globalization;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// The mid-term evaluation report (中期评估报告) of a period (2023–2025 by default), composed from the dashboard's
/// figures of each year in the period and the caller's scope: every target of every year against what was achieved,
/// the period's total per target, the program's own yearly targets (city-wide) against the actuals, the trend per
/// year, compliance per year, and notes on every shortfall.
/// </summary>
internal static class MidTermReport
{
    /// <summary>Composes the report of <paramref name="view"/>'s period.</summary>
    public static ReportDocument Compose(DashboardView view, IReadOnlyList<BaseTraining> bases, DateTime generatedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(bases);
        var years = view.Years;
        var scope = view.Scope;
        var period = ReportSections.Period(view.FromYear, view.ToYear);
        var title = $"济宁市专业技术人才知识更新工程中期评估报告（{period}，{scope.Name}）";
        var endPhase = ProgramPhases.On(new DateOnly(view.ToYear, 12, 31));
        var facts = new List<ReportFact>
        {
            new("评估期间", period),
            new("范围", scope.Name),
            new("工程阶段", $"期末为{endPhase.Name}阶段（工程第 {endPhase.ProgramYear} 年）；中期评估年度为 {ProgramPhases.MidTermEvaluationYear} 年，总结评估年度为 {ProgramPhases.LastYear} 年"),
            new("已设年度计划", years.Any(y => y.PlanSet) ? string.Join("、", years.Where(y => y.PlanSet).Select(y => ReportSections.Year(y.Year))) : "无"),
            new("数据截至", ChinaTime.Format(view.AsOf)),
            new("生成时间", ChinaTime.Format(generatedAtUtc)),
        };

        var sections = new List<ReportSection>
        {
            YearTargets(years),
            PeriodTotals(years),
            Trend(years),
        };
        if (scope.CityWide)
        {
            sections.Add(ReportSections.ProgramTargetsSection(years, bases));
            sections.Add(ReportSections.Bases(bases));
        }

        sections.Add(ComplianceByYear(years));

        var notes = new List<string>();
        foreach (var year in years.Where(y => !y.PlanSet))
        {
            notes.Add($"{year.Year} 年度计划尚未设置：该年只列实际完成情况，不计入期间目标合计。");
        }

        if (view.AsOf < new DateOnly(view.ToYear, 12, 31))
        {
            notes.Add($"评估期间尚未结束，数据截至 {ChinaTime.Format(view.AsOf)}。");
        }

        var shortfalls = years.SelectMany(y => ReportSections.Shortfalls(y).Concat(scope.CityWide ? ReportSections.ProgramShortfalls(y) : [])).ToList();
        notes.AddRange(shortfalls.Count > 0 ? shortfalls : ["评估期间各项目标均已完成（100% 及以上）。"]);
        notes.Add("期间合计：目标为各年度目标之和，实际为同一目标在设有目标的各年度的实际人数之和（人次，一人在不同年度参训分别计数）。");
        if (!scope.CityWide)
        {
            notes.Add("本报告为" + scope.Name + "范围：项目类型目标和工程总体目标只在全市报告中列出。");
        }

        return new ReportDocument(title, string.Create(CultureInfo.InvariantCulture, $"中期评估报告-{view.FromYear}-{view.ToYear}-{scope.Name}"), facts, sections, notes);
    }

    // Every target of every year (rows with a target only).
    private static ReportSection YearTargets(IReadOnlyList<DashboardYear> years)
    {
        var rows = years.SelectMany(y => y.Targets.Where(t => t.TargetTrainees is not null).Select(t => (IReadOnlyList<object?>)
            [ReportSections.Year(y.Year), ReportSections.KindName(t.Kind), .. ReportSections.TargetRow(t)])).ToList();
        return new ReportSection("各年度目标完成情况", "各年度目标", ["年度", "类别", .. ReportSections.TargetColumns], rows, null, "评估期间没有设置年度目标。");
    }

    /// <summary>Each target summed over the years that set it: targets and actuals, and the period's percentage.</summary>
    internal static ReportSection PeriodTotals(IReadOnlyList<DashboardYear> years)
    {
        var totals = years
            .SelectMany(y => y.Targets.Where(t => t.TargetTrainees is not null))
            .GroupBy(t => (t.Kind, t.Key))
            .Select(g => new
            {
                g.Key.Kind,
                Label = g.Last().Label,
                Years = g.Count(),
                Target = g.Sum(t => t.TargetTrainees!.Value),
                Actual = g.Sum(t => t.ActualTrainees),
                TargetProjects = g.Any(t => t.TargetProjects is not null) ? g.Sum(t => t.TargetProjects ?? 0) : (int?)null,
                ActualProjects = g.Sum(t => t.ActualProjects),
            })
            .OrderBy(t => Enum.Parse<PlanTargetKind>(t.Kind))
            .ToList();
        var rows = totals.Select(t => (IReadOnlyList<object?>)
            [ReportSections.KindName(t.Kind), t.Label, t.Years, t.Target, t.Actual, ReportSections.Percent(t.Actual, t.Target), t.TargetProjects, t.ActualProjects]).ToList();
        var chart = totals.Count == 0 ? null : new ReportChart(
            "期间合计：目标与实际参训人数",
            ReportChartKind.Bars,
            [.. totals.Select(t => t.Kind == nameof(PlanTargetKind.Total) ? "合计" : t.Label)],
            [new ReportSeries("目标人数", [.. totals.Select(t => (decimal)t.Target)]), new ReportSeries("实际人数", [.. totals.Select(t => (decimal)t.Actual)])],
            "人");
        return new ReportSection(
            "期间合计目标完成情况",
            "期间合计",
            ["类别", "名称", "设有目标的年度数", "目标人数合计", "实际人数合计", "完成率（%）", "目标项目数合计", "实际项目数合计"],
            rows,
            chart,
            "评估期间没有设置年度目标。");
    }

    // The years side by side: trainees, learners, hours, compliance, certificates.
    private static ReportSection Trend(IReadOnlyList<DashboardYear> years)
    {
        var chart = new ReportChart(
            "各年度参训人数",
            ReportChartKind.Bars,
            [.. years.Select(y => ReportSections.Year(y.Year))],
            [new ReportSeries("参训人数", [.. years.Select(y => (decimal)y.Training.Trainees)]), new ReportSeries("获得学时人数", [.. years.Select(y => (decimal)y.Training.Learners)])],
            "人");
        return new ReportSection(
            "各年度实施情况",
            "各年度实施情况",
            ["年度", "参训人数", "获得学时人数", "学时记录数", "学时", "达标率（%）", "签发学时证明"],
            [.. years.Select(y => (IReadOnlyList<object?>)[ReportSections.Year(y.Year), y.Training.Trainees, y.Training.Learners, y.Training.Records, y.Training.Hours, y.Compliance.Total.Rate, y.Certificates.Issued])],
            chart);
    }

    private static ReportSection ComplianceByYear(IReadOnlyList<DashboardYear> years) => new(
        "各年度达标率：按县（市、区）",
        "达标率按区域",
        ["年度", .. ReportSections.ComplianceColumns],
        [.. years.SelectMany(y => y.Compliance.ByRegion.Append(y.Compliance.Total).Where(g => g.People > 0 || g.Key != "total")
            .Select(g => (IReadOnlyList<object?>)[ReportSections.Year(y.Year), g.Name, g.People, g.Met, g.NotMet, g.InProgress, g.NoRules, g.Rate]))],
        null,
        "没有已计算的达标数据。");
}
