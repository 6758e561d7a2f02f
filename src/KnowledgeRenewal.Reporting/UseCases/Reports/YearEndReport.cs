using System.Globalization;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// The year-end report (年度工作报告) of one year, composed from the dashboard's figures of that year and scope:
/// the overview, targets against actuals by project type (city-wide), region and department, trainees per month,
/// compliance by region, department and title level, certificates issued and verified, the program's own targets
/// (city-wide) and notes on every shortfall.
/// </summary>
internal static class YearEndReport
{
    /// <summary>Composes the report of <paramref name="view"/>'s (single) year.</summary>
    public static ReportDocument Compose(DashboardView view, IReadOnlyList<BaseTraining> bases, DateTime generatedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(bases);
        var year = view.Years.Single();
        var scope = view.Scope;
        var title = $"济宁市专业技术人才知识更新工程 {year.Year} 年度工作报告（{scope.Name}）";
        var yearPhase = ProgramPhases.On(new DateOnly(year.Year, 12, 31));
        var facts = new List<ReportFact>
        {
            new("年度", ReportSections.Year(year.Year)),
            new("范围", scope.Name),
            new("工程阶段", $"{yearPhase.Name}（工程第 {yearPhase.ProgramYear} 年）：{yearPhase.Summary}"),
            new("年度计划", year.PlanSet ? "已设置" : "尚未设置（只列实际完成情况）"),
            new("数据截至", ChinaTime.Format(view.AsOf)),
            new("生成时间", ChinaTime.Format(generatedAtUtc)),
        };

        var sections = new List<ReportSection> { Overview(year) };
        if (scope.CityWide)
        {
            sections.Add(ReportSections.Targets("目标完成情况：按项目类型", "按项目类型", year, nameof(PlanTargetKind.Total), nameof(PlanTargetKind.ProjectType)));
        }

        sections.Add(ReportSections.Targets("目标完成情况：按县（市、区）", "按区域", year, nameof(PlanTargetKind.Region)));
        sections.Add(ReportSections.Targets("目标完成情况：按行业主管部门", "按行业", year, nameof(PlanTargetKind.Department)));
        sections.Add(ReportSections.Months(year));
        sections.Add(ReportSections.Compliance("达标率：按县（市、区）", "达标率按区域", year.Compliance.ByRegion, year.Compliance.Total));
        sections.Add(ReportSections.Compliance("达标率：按行业主管部门", "达标率按行业", year.Compliance.ByDepartment, year.Compliance.Total));
        sections.Add(ReportSections.Compliance("达标率：按职称级别", "达标率按职称", year.Compliance.ByTitleLevel, year.Compliance.Total));
        sections.Add(new ReportSection("学时证明签发与查验", "证书", ["指标", "数量"], [.. ReportSections.CertificateRows(year.Certificates)]));
        if (scope.CityWide)
        {
            sections.Add(ReportSections.ProgramTargetsSection([year], bases));
            sections.Add(ReportSections.Bases(bases));
        }

        var notes = new List<string>();
        if (!year.PlanSet)
        {
            notes.Add($"{year.Year} 年度计划尚未设置：各项只列实际完成情况，没有完成率。");
        }

        if (view.AsOf < new DateOnly(year.Year, 12, 31))
        {
            notes.Add($"{year.Year} 年度尚未结束，数据截至 {ChinaTime.Format(view.AsOf)}。");
        }

        var shortfalls = ReportSections.Shortfalls(year).Concat(scope.CityWide ? ReportSections.ProgramShortfalls(year) : []).ToList();
        notes.AddRange(shortfalls.Count > 0 ? shortfalls : ["本年度各项目标均已完成（100% 及以上）。"]);
        if (!scope.CityWide)
        {
            notes.Add("本报告为" + scope.Name + "范围：项目类型目标和工程总体目标只在全市报告中列出。");
        }

        notes.Add("参训人数指获得已审核的培训班次或项目名单学时记录的人数（同一人只计一次）；完成率 = 实际参训人数 ÷ 目标人数。");
        return new ReportDocument(title, string.Create(CultureInfo.InvariantCulture, $"年度工作报告-{year.Year}-{scope.Name}"), facts, sections, notes);
    }

    private static ReportSection Overview(DashboardYear year)
    {
        List<IReadOnlyList<object?>> rows =
        [
            ["参训人数（人）", year.Training.Trainees],
            ["获得学时人数（人）", year.Training.Learners],
            ["学时记录（条）", year.Training.Records],
            ["学时（小时）", year.Training.Hours],
            ["参与达标计算的人数（人）", year.Compliance.Total.People],
            ["达标人数（人）", year.Compliance.Total.Met],
            ["达标率（%）", year.Compliance.Total.Rate],
            ["签发学时证明（份）", year.Certificates.Issued],
        ];
        if (year.Targets.FirstOrDefault(t => t.Kind == nameof(PlanTargetKind.Total)) is { TargetTrainees: { } target } total)
        {
            rows.Insert(0, ["年度目标参训人数（人）", target]);
            rows.Insert(2, ["目标完成率（%）", total.Percent]);
        }

        return new ReportSection("总体情况", "总体情况", ["指标", "数值"], rows);
    }
}
