using System.Globalization;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using KnowledgeRenewal.Reporting.UseCases.Reports;

namespace KnowledgeRenewal.IntegrationTests.Reporting;

/// <summary>
/// The report builders without a platform: figures in (a dashboard view made by hand) → the document's rows,
/// percentages and shortfall notes, and the same rows in the xlsx (MiniExcel) and the PDF text (PdfPig).
/// </summary>
public sealed class ReportBuilderTests
{
    private static readonly DateTime Generated = new(2026, 1, 10, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_year_end_report_lists_every_target_with_its_percentage_and_notes_each_shortfall()
    {
        var report = YearEndReport.Compose(City(Year(2025, planSet: true)), [new BaseTraining(2025, "济宁医学院继续教育基地", "有效", 1_200), new BaseTraining(2025, "济宁学院继续教育基地", "有效", 400)], Generated);

        Assert.Equal("济宁市专业技术人才知识更新工程 2025 年度工作报告（全市）", report.Title);
        Assert.Contains(report.Facts, f => f.Label == "范围" && f.Value == "全市");
        Assert.Contains(report.Facts, f => f.Label == "工程阶段" && f.Value.StartsWith("全面实施（工程第 3 年）", StringComparison.Ordinal));

        var types = report.Sections.Single(s => s.SheetName == "按项目类型");
        Assert.Equal(["合计（全部项目）", 100_000, 82_000, 82.0m, 40, 35, "未完成"], types.Rows[0]);
        Assert.Equal("高级研修项目", types.Rows[1][0]);
        Assert.Equal(105.0m, types.Rows[1][3]);
        Assert.NotNull(types.Chart);
        Assert.Equal([100_000m, 500m], types.Chart!.Series[0].Values.Take(2));

        var regions = report.Sections.Single(s => s.SheetName == "按区域");
        Assert.Equal(["任城区", 10_000, 9_050, 90.5m, null, 3, "未完成"], regions.Rows.Single());

        var months = report.Sections.Single(s => s.SheetName == "按月份");
        Assert.Equal(12, months.Rows.Count);
        Assert.Equal(["3月", 300, 330, 3, 30m], months.Rows[2]);

        var compliance = report.Sections.Single(s => s.SheetName == "达标率按区域");
        Assert.Equal(["任城区", 200, 150, 30, 20, 0, 75.0m], compliance.Rows[0]);
        Assert.Equal("合计", compliance.Rows[^1][0]);

        var program = report.Sections.Single(s => s.SheetName == "工程目标");
        Assert.Equal(["年培训专业技术人才（人）", "2025年", 100_000, 82_000, 82.0m], program.Rows[0]);
        Assert.Equal(["高级研修班（期，已批准项目）", "2025年", 20, 21, 105.0m], program.Rows[1]);
        Assert.Equal(["继续教育基地（每个基地每年不少于 1,000 人）：达到的基地数", "2025年", 2, 1, 50.0m], program.Rows[^1]);

        Assert.Contains("2025年 总目标「全部项目」：目标 100,000 人，实际 82,000 人，完成 82.0%，差 18,000 人（未完成）。", report.Notes);
        Assert.Contains("2025年 县（市、区）「任城区」：目标 10,000 人，实际 9,050 人，完成 90.5%，差 950 人（未完成）。", report.Notes);
        Assert.DoesNotContain(report.Notes, n => n.Contains("「高级研修项目」", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.StartsWith("2025年 工程目标「能力提升培训人数（人）」", StringComparison.Ordinal));
    }

    [Fact]
    public void A_county_report_has_neither_type_targets_nor_the_programs_own_targets()
    {
        var year = Year(2025, planSet: true) with { Targets = [.. Year(2025, planSet: true).Targets.Where(t => t.Kind == "Region")] };
        var view = City(year) with { Scope = new DashboardScope(false, "任城区", ["370811"], []) };
        var report = YearEndReport.Compose(view, [], Generated);

        Assert.EndsWith("（任城区）", report.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Sections, s => s.SheetName is "按项目类型" or "工程目标" or "继续教育基地");
        Assert.Contains(report.Notes, n => n.Contains("本报告为任城区范围", StringComparison.Ordinal));
    }

    [Fact]
    public void The_mid_term_report_compares_each_years_targets_and_the_period_totals()
    {
        var years = new[] { Year(2023, planSet: false), Year(2024, planSet: true, scale: 0.5m), Year(2025, planSet: true) };
        var view = City(years) with { FromYear = 2023, ToYear = 2025 };
        var report = MidTermReport.Compose(view, [], Generated);

        Assert.Equal("济宁市专业技术人才知识更新工程中期评估报告（2023—2025年，全市）", report.Title);
        var perYear = report.Sections.Single(s => s.SheetName == "各年度目标");
        Assert.DoesNotContain(perYear.Rows, r => (string)r[0]! == "2023年");
        Assert.Contains(perYear.Rows, r => (string)r[0]! == "2024年" && (string)r[2]! == "合计（全部项目）" && (int)r[4]! == 41_000);

        // The period: the targets of the years that set them, summed, against the same years' actuals.
        var total = report.Sections.Single(s => s.SheetName == "期间合计").Rows.Single(r => (string)r[1]! == "全部项目");
        Assert.Equal(["总目标", "全部项目", 2, 150_000, 123_000, 82.0m, 80, 52], total);

        var program = report.Sections.Single(s => s.SheetName == "工程目标");
        Assert.Equal(["年培训专业技术人才（人）", "2023—2025年", 300_000, 82_000 + 41_000 + 82_000, 68.3m], program.Rows[3]);
        Assert.Contains("2023 年度计划尚未设置：该年只列实际完成情况，不计入期间目标合计。", report.Notes);
    }

    [Fact]
    public void The_workbook_and_the_pdf_hold_the_documents_rows_and_charts()
    {
        var report = YearEndReport.Compose(City(Year(2025, planSet: true)), [], Generated);
        var xlsx = ReportRenderer.Render(report, ReportFormats.Xlsx);
        Assert.Equal("年度工作报告-2025-全市.xlsx", xlsx.FileName);
        var sheets = ReportDocuments.Sheets(xlsx.Content);
        Assert.Equal(["概要", .. report.Sections.Select(s => s.SheetName), "图表"], sheets);
        var regions = ReportDocuments.Rows(xlsx.Content, "按区域");
        var row = Assert.Single(regions);
        Assert.Equal("任城区", row["名称"]);
        Assert.Equal(9_050m, ReportDocuments.Number(row["实际人数"]));
        Assert.Equal(90.5m, ReportDocuments.Number(row["完成率（%）"]));
        Assert.Equal(report.Sections.Count(s => s.Chart is not null), ReportDocuments.XlsxImages(xlsx.Content));
        var summary = ReportDocuments.Rows(xlsx.Content, "概要");
        Assert.Contains(summary, r => (string?)r["内容"] == report.Title);
        Assert.Contains(summary, r => (string?)r["项目"] == "说明" && ((string?)r["内容"])!.Contains("差 950 人", StringComparison.Ordinal));

        var pdf = ReportRenderer.Render(report, ReportFormats.Pdf);
        Assert.Equal("application/pdf", pdf.ContentType);
        var text = ReportDocuments.PdfText(pdf.Content);
        Assert.Contains("2025年度工作报告（全市）", text, StringComparison.Ordinal);
        Assert.Contains("目标完成情况：按县（市、区）", text, StringComparison.Ordinal);
        Assert.Contains("任城区10,0009,05090.5", text, StringComparison.Ordinal);
        Assert.Contains("差950人", text, StringComparison.Ordinal);
        Assert.True(ReportDocuments.PdfPages(pdf.Content) >= 3);
    }

    [Fact]
    public void A_chart_is_a_png_of_the_stated_size()
    {
        var png = ReportCharts.Png(new ReportChart("各年度参训人数", ReportChartKind.Line, ["2023年", "2024年"], [new ReportSeries("参训人数", [10m, 20m])], "人"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.Equal(ReportCharts.Width, width);
    }

    private static DashboardView City(params DashboardYear[] years) =>
        new(years[0].Year, years[^1].Year, new DateOnly(2026, 1, 10), Generated, new DashboardScope(true, "全市", [], []), ProgramPhases.On(new DateOnly(2026, 1, 10)), years);

    // A year of figures; scale multiplies the actuals (and the total target), to tell the years apart.
    private static DashboardYear Year(int year, bool planSet, decimal scale = 1m)
    {
        int S(int value) => (int)(value * scale);
        DashboardTarget Target(string kind, string key, string label, int? target, int actual, int? targetProjects, int projects, string status) =>
            new(kind, key, label, targetProjects, projects, planSet ? target : null, actual, planSet && target is { } t ? ReportSections.Percent(actual, t) : null, 100m, planSet ? status : GetDashboardHandler.NoTarget);
        var targets = new List<DashboardTarget>
        {
            Target("Total", "total", "全部项目", S(100_000), S(82_000), planSet ? 40 : null, S(35), "未完成"),
            Target("ProjectType", "AdvancedSeminar", "高级研修项目", 500, 525, null, 21, "已完成"),
            Target("ProjectType", "CapacityBuilding", "专业技术人员能力提升项目", 80_000, 70_000, null, 10, "未完成"),
            Target("Region", "370811", "任城区", 10_000, 9_050, null, 3, "未完成"),
        };
        var months = Enumerable.Range(1, 12).Select(m => new DashboardMonth(year, m, m * 100, m * 110, m, m * 10m)).ToList();
        var compliance = new DashboardCompliance(
            new DashboardComplianceGroup("total", "合计", 300, 200, 60, 40, 0, 66.7m),
            [new DashboardComplianceGroup("370811", "任城区", 200, 150, 30, 20, 0, 75.0m)],
            [new DashboardComplianceGroup("health", "卫生健康", 100, 50, 30, 20, 0, 50.0m)],
            [new DashboardComplianceGroup("Intermediate", "中级", 300, 200, 60, 40, 0, 66.7m)]);
        return new DashboardYear(year, planSet, targets, new DashboardTraining(S(82_000), S(90_000), 1_000, 12_345.5m), months, compliance, new DashboardCertificates(500, 480, 15, 5, 70, 60, 65));
    }
}
