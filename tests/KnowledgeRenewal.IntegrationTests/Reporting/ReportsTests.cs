using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Reporting;

/// <summary>
/// The year-end and mid-term reports downloaded over the API and the <c>/reports</c> page, opened (MiniExcel for the
/// xlsx, PdfPig for the PDF) and compared with the dashboard's figures for the same year and caller: the program office
/// gets the city, a county admin their county only; other roles are refused; a bad year or period is a field error.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class ReportsTests(PlatformFixture platform)
{
    private const int Year = 2025;

    // The dashboard's answer names enum values (the program's stage) as text.
    private static readonly JsonSerializerOptions Answers = new(HttpJson.Answers) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task The_program_offices_year_end_report_holds_the_citys_dashboard_figures_in_xlsx_and_pdf()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var year = Assert.Single((await office.GetAsAsync<DashboardView>($"/api/dashboard?year={Year}", options: Answers)).Years);
        Assert.True(year.Training.Trainees > 0, "the demo city has no trainees in 2025?");

        var xlsx = await DownloadAsync(office, $"/api/reports/year-end/{Year}?format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheets = ReportDocuments.Sheets(xlsx);
        Assert.Contains("按项目类型", sheets);
        Assert.Contains("工程目标", sheets);
        Assert.Contains("图表", sheets);
        Assert.True(ReportDocuments.XlsxImages(xlsx) >= 5);

        var summary = ReportDocuments.Rows(xlsx, "概要");
        Assert.Contains(summary, r => (string?)r["内容"] == "济宁市专业技术人才知识更新工程 2025 年度工作报告（全市）");
        var overview = ReportDocuments.Rows(xlsx, "总体情况").ToDictionary(r => (string)r["指标"]!, r => ReportDocuments.Number(r["数值"]));
        Assert.Equal(year.Training.Trainees, overview["参训人数（人）"]);
        Assert.Equal(year.Training.Learners, overview["获得学时人数（人）"]);
        Assert.Equal(year.Compliance.Total.Rate, overview["达标率（%）"]);
        Assert.Equal(year.Certificates.Issued, overview["签发学时证明（份）"]);

        var regions = ReportDocuments.Rows(xlsx, "按区域");
        var regionTargets = year.Targets.Where(t => t.Kind == "Region").ToList();
        Assert.Equal(regionTargets.Count, regions.Count);
        foreach (var target in regionTargets)
        {
            var row = Assert.Single(regions, r => (string?)r["名称"] == target.Label);
            Assert.Equal(target.ActualTrainees, ReportDocuments.Number(row["实际人数"]));
            Assert.Equal(target.Percent, row["完成率（%）"] is null ? null : ReportDocuments.Number(row["完成率（%）"]));
        }

        var months = ReportDocuments.Rows(xlsx, "按月份");
        Assert.Equal(year.Months.Select(m => (decimal)m.Trainees), months.Select(r => ReportDocuments.Number(r["参训人数"])));

        var byTitle = ReportDocuments.Rows(xlsx, "达标率按职称");
        foreach (var group in year.Compliance.ByTitleLevel)
        {
            Assert.Equal(group.Rate, ReportDocuments.Number(Assert.Single(byTitle, r => (string?)r["名称"] == group.Name)["达标率（%）"]));
        }

        var certificates = ReportDocuments.Rows(xlsx, "证书").ToDictionary(r => (string)r["指标"]!, r => ReportDocuments.Number(r["数量"]));
        Assert.Equal(year.Certificates.Verifications, (int)certificates["公开查验次数"]);

        var pdf = await DownloadAsync(office, $"/api/reports/year-end/{Year}?format=pdf", "application/pdf");
        var text = ReportDocuments.PdfText(pdf);
        Assert.Contains("2025年度工作报告（全市）", text, StringComparison.Ordinal);
        Assert.Contains("参训人数（人）" + Count(year.Training.Trainees), text, StringComparison.Ordinal);
        Assert.Contains("达标率：按职称级别", text, StringComparison.Ordinal);
        foreach (var target in regionTargets)
        {
            Assert.Contains(target.Label, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_county_admins_reports_hold_only_their_county_and_equal_their_dashboard()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var view = await county.GetAsAsync<DashboardView>($"/api/dashboard?year={Year}", options: Answers);
        var year = Assert.Single(view.Years);
        var target = Assert.Single(year.Targets);

        var xlsx = await DownloadAsync(county, $"/api/reports/year-end/{Year}", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheets = ReportDocuments.Sheets(xlsx);
        Assert.DoesNotContain("按项目类型", sheets);
        Assert.DoesNotContain("工程目标", sheets);
        Assert.Contains(ReportDocuments.Rows(xlsx, "概要"), r => (string?)r["内容"] == "济宁市专业技术人才知识更新工程 2025 年度工作报告（任城区）");
        var row = Assert.Single(ReportDocuments.Rows(xlsx, "按区域"));
        Assert.Equal("任城区", row["名称"]);
        Assert.Equal(target.ActualTrainees, ReportDocuments.Number(row["实际人数"]));
        var total = Assert.Single(ReportDocuments.Rows(xlsx, "达标率按区域"), r => (string?)r["名称"] == "合计");
        Assert.Equal(year.Compliance.Total.People, ReportDocuments.Number(total["人数"]));
        var overview = ReportDocuments.Rows(xlsx, "总体情况").ToDictionary(r => (string)r["指标"]!, r => ReportDocuments.Number(r["数值"]));
        Assert.Equal(year.Training.Learners, overview["获得学时人数（人）"]);

        // The city's figures are larger: the county's report is not the city's.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var city = Assert.Single((await office.GetAsAsync<DashboardView>($"/api/dashboard?year={Year}", options: Answers)).Years);
        Assert.True(city.Training.Learners > year.Training.Learners);

        var pdf = await DownloadAsync(county, $"/api/reports/year-end/{Year}?format=pdf", "application/pdf");
        var text = ReportDocuments.PdfText(pdf);
        Assert.Contains("2025年度工作报告（任城区）", text, StringComparison.Ordinal);
        Assert.Contains("获得学时人数（人）" + Count(year.Training.Learners), text, StringComparison.Ordinal);
        Assert.DoesNotContain("获得学时人数（人）" + Count(city.Training.Learners), text, StringComparison.Ordinal);

        var midTerm = await DownloadAsync(county, "/api/reports/mid-term?format=pdf", "application/pdf");
        Assert.Contains("中期评估报告（2023—2025年，任城区）", ReportDocuments.PdfText(midTerm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mid_term_report_holds_each_years_dashboard_figures_and_the_programs_targets()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var period = await office.GetAsAsync<DashboardView>("/api/dashboard?fromYear=2023&toYear=2025", options: Answers);

        var xlsx = await DownloadAsync(office, "/api/reports/mid-term?fromYear=2023&toYear=2025&format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var trend = ReportDocuments.Rows(xlsx, "各年度实施情况");
        Assert.Equal(period.Years.Select(y => (decimal)y.Training.Trainees), trend.Select(r => ReportDocuments.Number(r["参训人数"])));
        Assert.Equal(period.Years.Select(y => y.Compliance.Total.Rate), trend.Select(r => ReportDocuments.Number(r["达标率（%）"])));

        var program = ReportDocuments.Rows(xlsx, "工程目标");
        var trained = program.Where(r => (string?)r["指标"] == "年培训专业技术人才（人）").ToList();
        Assert.Equal(4, trained.Count);
        var totals = period.Years.Select(y => y.Targets.Single(t => t.Kind == "Total").ActualTrainees).ToList();
        Assert.Equal(totals.Select(t => (decimal)t), trained.Take(3).Select(r => ReportDocuments.Number(r["实际"])));
        Assert.Equal("2023—2025年", trained[3]["年度"]);
        Assert.Equal(300_000m, ReportDocuments.Number(trained[3]["工程目标"]));
        Assert.Equal(totals.Sum(), ReportDocuments.Number(trained[3]["实际"]));

        var perYear = ReportDocuments.Rows(xlsx, "各年度目标");
        foreach (var (y, t) in period.Years.SelectMany(y => y.Targets.Where(t => t.TargetTrainees is not null).Select(t => (y, t))))
        {
            var row = Assert.Single(perYear, r => (string?)r["年度"] == $"{y.Year}年" && (string?)r["类别"] is { } kind && ((string?)r["名称"])!.Contains(t.Label, StringComparison.Ordinal) && kind.Length > 0 && ReportDocuments.Number(r["目标人数"]) == t.TargetTrainees);
            Assert.Equal(t.ActualTrainees, ReportDocuments.Number(row["实际人数"]));
        }

        var pdf = await DownloadAsync(office, "/api/reports/mid-term?format=pdf", "application/pdf");
        var text = ReportDocuments.PdfText(pdf);
        Assert.Contains("中期评估报告（2023—2025年，全市）", text, StringComparison.Ordinal);
        Assert.Contains("工程目标对照", text, StringComparison.Ordinal);
        Assert.Contains("年培训专业技术人才（人）2023—2025年300,000" + Count(totals.Sum()), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_roles_are_refused_and_a_bad_year_or_period_is_a_field_error()
    {
        var employer = await platform.ClientAsync(PlatformRoles.EmployerHr);
        foreach (var url in new[] { $"/api/reports/year-end/{Year}", "/api/reports/mid-term" })
        {
            using var refused = await employer.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var anonymous = await platform.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var department = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        var sector = await DownloadAsync(department, $"/api/reports/year-end/{Year}?format=pdf", "application/pdf");
        Assert.Contains("2025年度工作报告（济宁市卫生健康委员会）", ReportDocuments.PdfText(sector), StringComparison.Ordinal);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        await AssertFieldErrorAsync(office, "/api/reports/year-end/2019", "year", "report.year_out_of_range");
        await AssertFieldErrorAsync(office, $"/api/reports/year-end/{Year}?format=docx", "format", "report.unknown_format");
        await AssertFieldErrorAsync(office, "/api/reports/mid-term?fromYear=2025&toYear=2023", "toYear", "report.period_reversed");
        await AssertFieldErrorAsync(office, "/api/reports/mid-term?fromYear=2022", "fromYear", "report.year_out_of_range");
    }

    [Fact]
    public async Task The_reports_page_downloads_the_callers_report_and_shows_a_refusal_next_to_the_field()
    {
        var account = await platform.Accounts.CreateAsync($"test.reports.{Guid.NewGuid():N}"[..30], [PlatformRoles.CountyAdmin], "CB-370811");
        using var browser = await platform.Accounts.SignInAsync(account);

        var page = await browser.GetAsync("/reports");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-report-scope>任城区</strong>", page.Html, StringComparison.Ordinal);
        Assert.Contains("/reports?handler=MidTerm&amp;MidTerm.FromYear=2023&amp;MidTerm.ToYear=2025&amp;MidTerm.Format=pdf", page.Html, StringComparison.Ordinal);

        using var download = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri($"/reports?handler=YearEnd&YearEnd.Year={Year}&YearEnd.Format=xlsx", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var xlsx = await download.Content.ReadAsByteArrayAsync();
        Assert.Contains(ReportDocuments.Rows(xlsx, "概要"), r => (string?)r["内容"] == "济宁市专业技术人才知识更新工程 2025 年度工作报告（任城区）");

        var reversed = await browser.GetAsync("/reports?handler=MidTerm&MidTerm.FromYear=2025&MidTerm.ToYear=2023&MidTerm.Format=pdf");
        Assert.Equal(HttpStatusCode.OK, reversed.Status);
        Assert.Contains("<title>错误：", reversed.Html, StringComparison.Ordinal);
        Assert.Matches("id=\"MidTerm_ToYear-error\"><span class=\"visually-hidden\">错误：</span>结束年度应不早于起始年度", reversed.Html);
        Assert.DoesNotContain("toYear", reversed.Html, StringComparison.Ordinal);

        var employer = await platform.Accounts.CreateAsync($"test.reports.hr.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], TestAccounts.DefaultOrganization(PlatformRoles.EmployerHr));
        using var other = await platform.Accounts.SignInAsync(employer);
        var refused = await other.GetAsync("/reports");
        Assert.True(refused.Status == HttpStatusCode.Redirect && refused.LocationPath == "/account/denied", $"/reports as employer HR: {(int)refused.Status} {refused.Location}");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(refused.Location!)).Status);
        Assert.DoesNotContain("href=\"/reports\"", (await other.GetAsync("/workbench")).Html, StringComparison.Ordinal);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // To look at the files (as a spreadsheet program and a PDF viewer would show them): KR_REPORTS_DIR keeps them.
        if (Environment.GetEnvironmentVariable("KR_REPORTS_DIR") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, response.Content.Headers.ContentDisposition!.FileNameStar!), bytes);
        }

        return bytes;
    }

    private static async Task AssertFieldErrorAsync(HttpClient client, string url, string field, string code)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
