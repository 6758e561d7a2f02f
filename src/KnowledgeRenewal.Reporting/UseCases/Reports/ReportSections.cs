using System.Globalization;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// The sections both reports are made of, built from the dashboard's figures (<see cref="DashboardView"/>): no figure
/// is counted here — only sums over years and the percentages of those sums for a period.
/// </summary>
internal static class ReportSections
{
    /// <summary>The columns of a targets-against-actuals table.</summary>
    public static IReadOnlyList<string> TargetColumns { get; } = ["名称", "目标人数", "实际人数", "完成率（%）", "目标项目数", "实际项目数", "状态"];

    /// <summary>The columns of a compliance table.</summary>
    public static IReadOnlyList<string> ComplianceColumns { get; } = ["名称", "人数", "达标", "未达标", "进行中", "无适用规则", "达标率（%）"];

    /// <summary>The Chinese name of a target's kind.</summary>
    public static string KindName(string kind) => kind switch
    {
        nameof(PlanTargetKind.Total) => "总目标",
        nameof(PlanTargetKind.ProjectType) => "项目类型",
        nameof(PlanTargetKind.Region) => "县（市、区）",
        nameof(PlanTargetKind.Department) => "行业主管部门",
        _ => kind,
    };

    /// <summary>A percentage as the annual plans compute it: one decimal, rounded down, 100 for a zero target.</summary>
    public static decimal Percent(int actual, int target) =>
        target == 0 ? 100m : Math.Round(actual * 100m / target, 1, MidpointRounding.ToZero);

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A percentage in words, 87.5%.</summary>
    public static string Pct(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// The targets of <paramref name="kinds"/> of a year against actuals: one row per target (rows without a target
    /// show the actuals with 「未设目标」), with a bar chart of target and actual trainees.
    /// </summary>
    public static ReportSection Targets(string heading, string sheet, DashboardYear year, params string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(year);
        var rows = year.Targets.Where(t => kinds.Contains(t.Kind)).ToList();
        var chart = rows.Count == 0 ? null : new ReportChart(
            heading + "：目标与实际参训人数",
            ReportChartKind.Bars,
            [.. rows.Select(r => r.Kind == nameof(PlanTargetKind.Total) ? "合计" : r.Label)],
            [new ReportSeries("目标人数", [.. rows.Select(r => (decimal)(r.TargetTrainees ?? 0))]), new ReportSeries("实际人数", [.. rows.Select(r => (decimal)r.ActualTrainees)])],
            "人");
        return new ReportSection(heading, sheet, TargetColumns, [.. rows.Select(TargetRow)], chart, "本范围内没有此类目标或实际数据。");
    }

    /// <summary>One target as a table row.</summary>
    public static IReadOnlyList<object?> TargetRow(DashboardTarget t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return [t.Kind == nameof(PlanTargetKind.Total) ? "合计（" + t.Label + "）" : t.Label, t.TargetTrainees, t.ActualTrainees, t.Percent, t.TargetProjects, t.ActualProjects, t.StatusName];
    }

    /// <summary>Compliance rates of groups, with a bar chart of the rates.</summary>
    public static ReportSection Compliance(string heading, string sheet, IReadOnlyList<DashboardComplianceGroup> groups, DashboardComplianceGroup? total)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rows = groups.Select(ComplianceRow).ToList();
        if (total is not null && groups.Count > 0)
        {
            rows.Add(ComplianceRow(total));
        }

        var chart = groups.Count == 0 ? null : new ReportChart(
            heading,
            ReportChartKind.Bars,
            [.. groups.Select(g => g.Name)],
            [new ReportSeries("达标率", [.. groups.Select(g => g.Rate)])],
            "%");
        return new ReportSection(heading, sheet, ComplianceColumns, rows, chart, "没有已计算的达标数据：市项目办可在“达标”中重新计算。");
    }

    private static IReadOnlyList<object?> ComplianceRow(DashboardComplianceGroup g) => [g.Name, g.People, g.Met, g.NotMet, g.InProgress, g.NoRules, g.Rate];

    /// <summary>Trainees, learners, records and hours per month, with a line chart of trainees.</summary>
    public static ReportSection Months(DashboardYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var labels = year.Months.Select(m => m.Month.ToString(CultureInfo.InvariantCulture) + "月").ToList();
        var chart = new ReportChart(
            year.Year.ToString(CultureInfo.InvariantCulture) + " 年每月参训人数",
            ReportChartKind.Line,
            labels,
            [new ReportSeries("参训人数", [.. year.Months.Select(m => (decimal)m.Trainees)]), new ReportSeries("获得学时人数", [.. year.Months.Select(m => (decimal)m.Learners)])],
            "人");
        return new ReportSection(
            "每月参训人数",
            "按月份",
            ["月份", "参训人数", "获得学时人数", "学时记录数", "学时"],
            [.. year.Months.Select((m, i) => (IReadOnlyList<object?>)[labels[i], m.Trainees, m.Learners, m.Records, m.Hours])],
            chart);
    }

    /// <summary>Certificates issued and verified in a year.</summary>
    public static IEnumerable<IReadOnlyList<object?>> CertificateRows(DashboardCertificates c)
    {
        ArgumentNullException.ThrowIfNull(c);
        yield return ["签发证书（含各版本）", c.Issued];
        yield return ["其中：有效", c.Valid];
        yield return ["其中：已被新版本替换", c.Superseded];
        yield return ["其中：已撤销", c.Revoked];
        if (c.Verifications is { } verifications)
        {
            yield return ["公开查验次数", verifications];
            yield return ["被查验的证书数", c.VerifiedCertificates];
            yield return ["查验结果为有效的次数", c.VerifiedValid];
        }
    }

    /// <summary>
    /// The program's yearly targets (<see cref="ProgramTargets"/>) against the years' actuals — city-wide only: total
    /// trainees, advanced seminars and their people, capacity building, and the bases reaching ≥ 1,000 trainees —
    /// each year and, for a period, the period's total.
    /// </summary>
    public static ReportSection ProgramTargetsSection(IReadOnlyList<DashboardYear> years, IReadOnlyList<BaseTraining> bases)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(bases);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (name, target, actual) in ProgramIndicators())
        {
            var sumActual = 0;
            foreach (var year in years)
            {
                var value = actual(year);
                sumActual += value;
                rows.Add([name, Year(year.Year), target, value, Percent(value, target)]);
            }

            if (years.Count > 1)
            {
                rows.Add([name, Period(years), target * years.Count, sumActual, Percent(sumActual, target * years.Count)]);
            }
        }

        foreach (var year in years)
        {
            var ofYear = bases.Where(b => b.Year == year.Year).ToList();
            var reached = ofYear.Count(b => b.Trainees >= ProgramTargets.TraineesPerBasePerYear);
            rows.Add(["继续教育基地（每个基地每年不少于 1,000 人）：达到的基地数", Year(year.Year), ofYear.Count, reached, Percent(reached, ofYear.Count)]);
        }

        var chart = new ReportChart(
            "工程目标与实际参训人数（各年度）",
            ReportChartKind.Bars,
            [.. years.Select(y => Year(y.Year))],
            [new ReportSeries("工程目标", [.. years.Select(_ => (decimal)ProgramTargets.TraineesPerYear)]), new ReportSeries("实际参训人数", [.. years.Select(y => (decimal)Total(y))])],
            "人");
        return new ReportSection("工程目标对照（济人社发〔2023〕4号）", "工程目标", ["指标", "年度", "工程目标", "实际", "完成率（%）"], rows, chart);
    }

    /// <summary>Each base's trainees in each year against the ≥ 1,000 target.</summary>
    public static ReportSection Bases(IReadOnlyList<BaseTraining> bases) => new(
        "继续教育基地培训人数",
        "继续教育基地",
        ["年度", "基地", "状态", "参训人数", "目标（人）", "完成率（%）"],
        [.. bases.Select(b => (IReadOnlyList<object?>)[Year(b.Year), b.Name, b.Status, b.Trainees, ProgramTargets.TraineesPerBasePerYear, Percent(b.Trainees, ProgramTargets.TraineesPerBasePerYear)])],
        null,
        "尚无认定的继续教育基地。");

    /// <summary>The program's indicators: name, yearly target, the year's actual (from the dashboard's target rows).</summary>
    public static IEnumerable<(string Name, int Target, Func<DashboardYear, int> Actual)> ProgramIndicators()
    {
        yield return ("年培训专业技术人才（人）", ProgramTargets.TraineesPerYear, Total);
        yield return ("高级研修班（期，已批准项目）", ProgramTargets.AdvancedSeminarsPerYear, y => Type(y, ProjectType.AdvancedSeminar)?.ActualProjects ?? 0);
        yield return ("高级研修培训人数（人）", ProgramTargets.AdvancedSeminarTraineesPerYear, y => Type(y, ProjectType.AdvancedSeminar)?.ActualTrainees ?? 0);
        yield return ("能力提升培训人数（人）", ProgramTargets.CapacityBuildingTraineesPerYear, y => Type(y, ProjectType.CapacityBuilding)?.ActualTrainees ?? 0);
    }

    /// <summary>The year's total trainees as the plan counts them (the total row).</summary>
    public static int Total(DashboardYear year) =>
        year.Targets.FirstOrDefault(t => t.Kind == nameof(PlanTargetKind.Total))?.ActualTrainees ?? year.Training.Trainees;

    private static DashboardTarget? Type(DashboardYear year, ProjectType type) =>
        year.Targets.FirstOrDefault(t => t.Kind == nameof(PlanTargetKind.ProjectType) && t.Key == type.ToString());

    /// <summary>A year in words, 2025年.</summary>
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture) + "年";

    /// <summary>A period in words, 2023—2025年.</summary>
    public static string Period(IReadOnlyList<DashboardYear> years) => Period(years[0].Year, years[^1].Year);

    /// <summary>A period in words, 2023—2025年.</summary>
    public static string Period(int from, int to) => from == to ? Year(from) : string.Create(CultureInfo.InvariantCulture, $"{from}—{to}年");

    /// <summary>Notes on every target below 100 % (the plan's and, city-wide, the program's).</summary>
    public static IEnumerable<string> Shortfalls(DashboardYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        foreach (var t in year.Targets.Where(t => t.TargetTrainees is not null && t.Percent is < 100m))
        {
            var gap = t.TargetTrainees!.Value - t.ActualTrainees;
            yield return $"{Year(year.Year)} {KindName(t.Kind)}「{t.Label}」：目标 {Count(t.TargetTrainees.Value)} 人，实际 {Count(t.ActualTrainees)} 人，完成 {Pct(t.Percent!.Value)}，差 {Count(gap)} 人（{t.StatusName}）。";
        }

        foreach (var t in year.Targets.Where(t => t.TargetProjects is { } aimed && t.ActualProjects < aimed))
        {
            yield return $"{Year(year.Year)} {KindName(t.Kind)}「{t.Label}」：目标 {Count(t.TargetProjects!.Value)} 个项目，已批准 {Count(t.ActualProjects)} 个，差 {Count(t.TargetProjects.Value - t.ActualProjects)} 个。";
        }
    }

    /// <summary>Notes on the program's targets below 100 % in a year (city-wide).</summary>
    public static IEnumerable<string> ProgramShortfalls(DashboardYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        foreach (var (name, target, actual) in ProgramIndicators())
        {
            var value = actual(year);
            if (value < target)
            {
                yield return $"{Year(year.Year)} 工程目标「{name}」：目标 {Count(target)}，实际 {Count(value)}，完成 {Pct(Percent(value, target))}。";
            }
        }
    }
}
