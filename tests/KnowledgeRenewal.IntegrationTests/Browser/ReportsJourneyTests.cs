using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Reporting;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The reports in a real browser on the demo city: the program office downloads the mid-term evaluation report as a
/// PDF from <c>/reports</c> and a county admin the year-end report as an Excel workbook; each file is opened and its
/// figures compared with the dashboard's API for the same caller; a reversed period is refused next to its field.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ReportsJourneyTests(BrowserHost host)
{
    private static readonly JsonSerializerOptions Answers = new(HttpJson.Answers) { Converters = { new JsonStringEnumConverter() } };

    [BrowserFact]
    public async Task The_program_office_downloads_the_mid_term_report_as_a_pdf_holding_the_dashboards_figures()
    {
        using var api = await host.ApiAsync("demo.program-office");
        var period = await api.GetAsAsync<DashboardView>("/api/dashboard?fromYear=2023&toYear=2025", options: Answers);
        var trained = period.Years.Sum(y => y.Targets.Single(t => t.Kind == "Total").ActualTrainees);

        foreach (var width in BrowserHost.Widths)
        {
            // The program office signs in with two factors and a code is accepted once: each sign-in takes a fresh code window.
            await host.RunAsync(nameof(The_program_office_downloads_the_mid_term_report_as_a_pdf_holding_the_dashboards_figures), width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.program-office");
                if (width == 390)
                {
                    await page.ClickAsync(".site-menu > summary");
                }

                await page.ClickAsync(".site-nav a[href='/reports']");
                await page.WaitForURLAsync("**/reports");
                Assert.Equal("全市", await page.Locator("[data-report-scope]").InnerTextAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.SelectOptionAsync("#MidTerm_FromYear", "2023");
                await page.SelectOptionAsync("#MidTerm_ToYear", "2025");
                await page.SelectOptionAsync("#MidTerm_Format", "pdf");
                var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-mid-term-form] button[type=submit]"));
                Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
                var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
                var text = ReportDocuments.PdfText(pdf);
                Assert.Contains("中期评估报告（2023—2025年，全市）", text, StringComparison.Ordinal);
                Assert.Contains("年培训专业技术人才（人）2023—2025年300,000" + trained.ToString("#,0", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);

                // A reversed period: the page again, the refusal next to the end year.
                await page.SelectOptionAsync("#MidTerm_FromYear", "2025");
                await page.SelectOptionAsync("#MidTerm_ToYear", "2023");
                await page.ClickAsync("[data-mid-term-form] button[type=submit]");
                await page.WaitForURLAsync(url => url.Contains("handler=MidTerm", StringComparison.Ordinal));
                Assert.Contains("结束年度应不早于起始年度", await page.Locator("#MidTerm_ToYear-error").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal("true", await page.Locator("#MidTerm_ToYear").GetAttributeAsync("aria-invalid"));
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            });
        }
    }

    [BrowserFact]
    public async Task The_county_admin_downloads_the_year_end_workbook_of_their_county()
    {
        using var api = await host.ApiAsync("demo.county-admin");
        var year = Assert.Single((await api.GetAsAsync<DashboardView>("/api/dashboard?year=2025", options: Answers)).Years);
        var target = Assert.Single(year.Targets);

        await host.RunAsync(nameof(The_county_admin_downloads_the_year_end_workbook_of_their_county), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.county-admin");
            await page.GotoAsync("/reports");
            Assert.Equal("任城区", await page.Locator("[data-report-scope]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.SelectOptionAsync("#YearEnd_Year", "2025");
            await page.SelectOptionAsync("#YearEnd_Format", "xlsx");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-year-end-form] button[type=submit]"));
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var xlsx = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.Contains(ReportDocuments.Rows(xlsx, "概要"), r => (string?)r["内容"] == "济宁市专业技术人才知识更新工程 2025 年度工作报告（任城区）");
            var row = Assert.Single(ReportDocuments.Rows(xlsx, "按区域"));
            Assert.Equal(target.ActualTrainees, ReportDocuments.Number(row["实际人数"]));
            Assert.Equal(target.TargetTrainees, (int)ReportDocuments.Number(row["目标人数"]));
            Assert.DoesNotContain("按项目类型", ReportDocuments.Sheets(xlsx));
        });
    }

    private static async Task ShotAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("KR_SHOTS_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var width = page.ViewportSize?.Width ?? 0;
        var name = new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '_');
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}-{Environment.TickCount64}.png"), FullPage = true });
    }
}
