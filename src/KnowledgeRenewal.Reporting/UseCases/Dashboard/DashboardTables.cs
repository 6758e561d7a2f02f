using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Reporting.Domain;

namespace KnowledgeRenewal.Reporting.UseCases.Dashboard;

/// <summary>One cell: its value (a number, or text), how it reads, and the list behind it.</summary>
/// <param name="Value">The number (int or decimal), or the text of a label cell.</param>
/// <param name="Text">How it reads (thousands separators; 「--」 for no data).</param>
/// <param name="Href">The list behind the figure (a page of the platform), or null.</param>
public sealed record DashboardCell(object? Value, string Text, string? Href = null);

/// <summary>One table of the dashboard: the numbers a chart draws, its accessible view and its export.</summary>
/// <param name="Id">Stable key (<c>targets-type</c>, <c>months</c>, <c>compliance-region</c> …), used in addresses and file names.</param>
/// <param name="Title">The chart's heading (what it shows).</param>
/// <param name="Caption">The table's caption, with the year and the scope.</param>
/// <param name="Basis">口径: how the figures are counted.</param>
/// <param name="Columns">Column headers, units in brackets.</param>
/// <param name="Rows">Rows: a label cell, then the figures.</param>
/// <param name="Chart">How to draw it: <c>bar</c> (grouped, the columns listed in <paramref name="Series"/>), <c>line</c> or <c>rate</c> (a percentage bar).</param>
/// <param name="Series">The indexes of the columns drawn (1-based, the label column is 0).</param>
public sealed record DashboardTable(
    string Id,
    string Title,
    string Caption,
    string Basis,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<DashboardCell>> Rows,
    string Chart,
    IReadOnlyList<int> Series);

/// <summary>
/// The dashboard's tables for one year, built from <see cref="DashboardView"/> only: the page draws its charts and its
/// table views from them and the export writes them, so a chart, its table and the file always agree. Each figure
/// links to the list behind it where the platform has one.
/// </summary>
public static class DashboardTables
{
    /// <summary>The ids of the tables, in page order.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        ["targets-type", "targets-region", "targets-department", "months", "compliance-region", "compliance-department", "compliance-title", "certificates"];

    /// <summary>The part of the figures a table is drawn from (<see cref="GetDashboard.Parts"/>): the page loads each part's tables together.</summary>
    public static DashboardParts PartOf(string tableId)
    {
        ArgumentNullException.ThrowIfNull(tableId);
        return tableId switch
        {
            "months" => DashboardParts.Training,
            "certificates" => DashboardParts.Certificates,
            _ when tableId.StartsWith("targets-", StringComparison.Ordinal) => DashboardParts.Targets,
            _ when tableId.StartsWith("compliance-", StringComparison.Ordinal) => DashboardParts.Compliance,
            _ => DashboardParts.None,
        };
    }

    private static readonly string[] TargetColumns = ["名称", "目标项目数（个）", "已立项（个）", "目标人数（人）", "参训人数（人）", "完成率（%）", "时间进度（%）", "状态"];
    private static readonly string[] ComplianceColumns = ["名称", "人数（人）", "达标（人）", "进行中（人）", "未达标（人）", "无适用规则（人）", "达标率（%）"];

    /// <summary>The tables of <paramref name="year"/> (a table with no rows is left out).</summary>
    public static IReadOnlyList<DashboardTable> For(DashboardView view, DashboardYear year)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(year);
        var y = year.Year;
        var scope = view.Scope.Name;
        var targetBasis = year.PlanSet
            ? $"目标取自市项目办设定的 {y} 年度计划；参训人数为该学时年度有已认定班次（花名册）学时记录的人数（去重），已立项为已批准的项目。"
            : $"{y} 年度计划尚未设定，仅列实际完成情况。参训人数为该学时年度有已认定班次（花名册）学时记录的人数（去重）。";
        var tables = new List<DashboardTable>
        {
            Targets("targets-type", "按项目类型的目标完成情况", $"{y} 年按项目类型的目标与完成（{scope}）", targetBasis, year, nameof(PlanTargetKind.ProjectType), _ => $"/projects?year={y}"),
            Targets("targets-region", "按区县的目标完成情况", $"{y} 年按区县的目标与完成（{scope}）", targetBasis, year, nameof(PlanTargetKind.Region), t => $"/registry/professionals?region={Uri.EscapeDataString(t.Key)}"),
            Targets("targets-department", "按行业主管部门的目标完成情况", $"{y} 年按行业主管部门的目标与完成（{scope}）", targetBasis, year, nameof(PlanTargetKind.Department), t => $"/registry/professionals?sector={Uri.EscapeDataString(t.Key)}"),
            Months(year, scope),
            Compliance("compliance-region", "各区县学时达标率", $"{y} 年各区县学时达标情况（{scope}）", year.Compliance.ByRegion, y, g => $"/compliance/people?Year={y}&Region={Uri.EscapeDataString(g.Key)}", "Region"),
            Compliance("compliance-department", "各行业学时达标率", $"{y} 年各行业学时达标情况（{scope}）", year.Compliance.ByDepartment, y, g => $"/compliance/people?Year={y}&Department={Uri.EscapeDataString(g.Key)}", "Department"),
            Compliance("compliance-title", "各职称级别学时达标率", $"{y} 年各职称级别学时达标情况（{scope}）", year.Compliance.ByTitleLevel, y, g => $"/registry/professionals?titleLevel={Uri.EscapeDataString(g.Name)}", null),
            Certificates(year, scope),
        };
        return [.. tables.Where(t => t.Rows.Count > 0)];
    }

    /// <summary>The landing page's tables: this year's targets by project type, and trainees per program year (no links: the page is public).</summary>
    public static IReadOnlyList<DashboardTable> ForPublic(PublicDashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var targets = view.Targets
            .Select(t => (IReadOnlyList<DashboardCell>)
            [
                new DashboardCell(t.Label, t.Label),
                Num(t.TargetProjects),
                Num(t.ActualProjects),
                Num(t.TargetTrainees),
                Num(t.ActualTrainees),
                Dec(t.Percent),
                Dec(t.ExpectedPercent),
                new DashboardCell(t.StatusName, t.StatusName),
            ])
            .ToList();
        var years = view.Years
            .Select(y => (IReadOnlyList<DashboardCell>)[new DashboardCell($"{y.Year} 年", $"{y.Year} 年"), Num(y.Trainees)])
            .ToList();
        const string trainees = "参训人数为该学时年度有已认定班次（花名册）学时记录的人数（去重）。";
        return
        [
            new DashboardTable(
                "public-targets", $"{view.Year} 年度目标完成情况", $"{view.Year} 年全市年度计划目标与完成（按项目类型）",
                (view.PlanSet ? $"目标取自市项目办设定的 {view.Year} 年度计划；" : $"{view.Year} 年度计划尚未设定；") + trainees + "已立项为已批准的项目。",
                TargetColumns, targets, "bar", [3, 4]),
            new DashboardTable(
                "public-years", "工程实施以来每年参训人数", $"{ProgramPhases.FirstYear}—{view.Year} 年全市每年参训人数", trainees,
                ["年度", "参训人数（人）"], years, "bar", [1]),
        ];
    }

    /// <summary>A whole number as people read it.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A decimal (hours, percent) as people read it.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.#", CultureInfo.InvariantCulture);

    private static DashboardCell Num(int value, string? href = null) => new(value, Count(value), value > 0 ? href : null);

    private static DashboardCell Num(int? value) => value is { } v ? new DashboardCell(v, Count(v)) : new DashboardCell(null, "--");

    private static DashboardCell Dec(decimal? value) => value is { } v ? new DashboardCell(v, Number(v)) : new DashboardCell(null, "--");

    private static DashboardTable Targets(string id, string title, string caption, string basis, DashboardYear year, string kind, Func<DashboardTarget, string> href)
    {
        var rows = year.Targets.Where(t => t.Kind == kind)
            .Select(t => (IReadOnlyList<DashboardCell>)
            [
                new DashboardCell(t.Label, t.Label, href(t)),
                Num(t.TargetProjects),
                Num(t.ActualProjects, $"/projects?year={year.Year}"),
                Num(t.TargetTrainees),
                Num(t.ActualTrainees, href(t)),
                Dec(t.Percent),
                Dec(t.ExpectedPercent),
                new DashboardCell(t.StatusName, t.StatusName),
            ])
            .ToList();
        return new DashboardTable(id, title, caption, basis, TargetColumns, rows, "bar", [3, 4]);
    }

    private static DashboardTable Months(DashboardYear year, string scope)
    {
        var href = $"/classes?year={year.Year}";
        var rows = year.Months
            .Select(m => (IReadOnlyList<DashboardCell>)
            [
                new DashboardCell($"{m.Month} 月", $"{m.Month} 月"),
                Num(m.Trainees, href),
                Num(m.Learners),
                Num(m.Records),
                Dec(m.Hours),
            ])
            .ToList();
        return new DashboardTable(
            "months", "每月参训人数", $"{year.Year} 年每月参训情况（{scope}）",
            "按学时记录的培训日期所在月份统计已认定的记录；参训人数为有班次（花名册）记录的人数，获得学时人数含自主申报等全部来源，均按月去重。",
            ["月份", "参训人数（人）", "获得学时人数（人）", "学时记录（条）", "学时（学时）"], rows, "line", [1, 2]);
    }

    private static DashboardTable Compliance(string id, string title, string caption, IReadOnlyList<DashboardComplianceGroup> groups, int year, Func<DashboardComplianceGroup, string> href, string? filter)
    {
        string? Status(DashboardComplianceGroup g, string status) => filter is null ? null : $"{href(g)}&Status={status}";
        var rows = groups
            .Select(g => (IReadOnlyList<DashboardCell>)
            [
                new DashboardCell(g.Name, g.Name, href(g)),
                Num(g.People, href(g)),
                Num(g.Met, Status(g, "Met")),
                Num(g.InProgress, Status(g, "InProgress")),
                Num(g.NotMet, Status(g, "NotMet")),
                Num(g.NoRules, Status(g, "NoRules")),
                Dec(g.Rate),
            ])
            .ToList();
        return new DashboardTable(
            id, title, caption,
            $"含 {year} 年的学时周期；达标率 = 达标人数 ÷ 已计算人数。区县和行业按达标记录登记的归属，职称级别按人员当前职称。",
            ComplianceColumns, rows, "rate", [6]);
    }

    private static DashboardTable Certificates(DashboardYear year, string scope)
    {
        var c = year.Certificates;

        // Drill-down: the certificate list of the caller's scope (/certificates), filtered by the year and status.
        var list = $"/certificates?Year={year.Year}";
        var rows = new List<IReadOnlyList<DashboardCell>>
        {
            new[] { new DashboardCell("已出具（含各版本）", "已出具（含各版本）"), Num(c.Issued, list) },
            new[] { new DashboardCell("有效", "有效"), Num(c.Valid, $"{list}&Status={nameof(CertificateStatus.Valid)}") },
            new[] { new DashboardCell("已被新版本取代", "已被新版本取代"), Num(c.Superseded, $"{list}&Status={nameof(CertificateStatus.Superseded)}") },
            new[] { new DashboardCell("已作废", "已作废"), Num(c.Revoked, $"{list}&Status={nameof(CertificateStatus.Revoked)}") },
        };
        if (c.Verifications is not null)
        {
            rows.Add([new DashboardCell("公众查验次数", "公众查验次数"), Num(c.Verifications)]);
            rows.Add([new DashboardCell("被查验的证明", "被查验的证明"), Num(c.VerifiedCertificates)]);
            rows.Add([new DashboardCell("查验结果为有效", "查验结果为有效"), Num(c.VerifiedValid)]);
        }

        return new DashboardTable(
            "certificates", "学时证明出具与查验", $"{year.Year} 年度学时证明（{scope}）",
            c.Verifications is null
                ? $"证明年度为 {year.Year} 年的《继续教育学时证明》；查验记录仅市项目办可见。"
                : $"证明年度为 {year.Year} 年的《继续教育学时证明》；查验为 {year.Year} 年内（北京时间）的公众查验。",
            ["项目", "数量（份/次）"], rows, "bar", [1]);
    }
}
