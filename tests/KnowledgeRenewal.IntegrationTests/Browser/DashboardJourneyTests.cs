using System.Globalization;
using System.Net.Http.Headers;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The dashboard (领导驾驶舱) in a real browser on the demo city: the program office picks a year, every chart is drawn
/// (a canvas), the table view of each chart holds the API's numbers, a figure opens the list behind it; the landing
/// page shows the public part to anyone. axe on every page, 390 px on the dashboard and the landing page.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardJourneyTests(BrowserHost host)
{
    [BrowserFact]
    public async Task The_program_office_reads_a_years_dashboard_whose_tables_equal_the_api_and_drills_down_to_the_people()
    {
        using var api = await host.ApiAsync("demo.program-office");
        var view = await api.GetAsAsync<DashboardView>("/api/dashboard?year=2025", options: new(HttpJson.Answers) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
        var year = Assert.Single(view.Years);

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(The_program_office_reads_a_years_dashboard_whose_tables_equal_the_api_and_drills_down_to_the_people), width, async page =>
            {
                // The program office signs in with a one-time code: each sign-in (and the API token) needs a fresh one.
                await BrowserHost.SignInAsync(page, "demo.program-office");
                Assert.Equal(1, await page.Locator(".site-nav a[href='/dashboard']").CountAsync());
                await page.GotoAsync("/dashboard");
                await page.SelectOptionAsync("select[name=Year]", "2025");
                await page.ClickAsync("form.filters button[type=submit]");
                await page.WaitForURLAsync("**/dashboard?Year=2025");
                Assert.Equal("全市", await page.Locator("[data-scope]").InnerTextAsync());

                // Every part of the figures loads into its section, and every chart is drawn.
                await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-dashboard-part]').length === 4 && !document.querySelector('[data-loading]')");
                var charts = page.Locator("[data-chart]");
                Assert.True(await charts.CountAsync() >= 6, "fewer charts than expected");
                await page.Locator("[data-chart] canvas").First.WaitForAsync();
                for (var i = 0; i < await charts.CountAsync(); i++)
                {
                    Assert.Equal(1, await charts.Nth(i).Locator("canvas").CountAsync());
                }

                // The table views hold the API's numbers.
                await page.ClickAsync("[data-table-id=months] details summary");
                var months = page.Locator("[data-dashboard-table=months] tbody tr");
                Assert.Equal(12, await months.CountAsync());
                foreach (var month in year.Months)
                {
                    var cells = months.Nth(month.Month - 1).Locator("td");
                    Assert.Equal(month.Trainees, Number(await cells.Nth(0).InnerTextAsync()));
                    Assert.Equal(month.Learners, Number(await cells.Nth(1).InnerTextAsync()));
                    Assert.Equal(month.Records, Number(await cells.Nth(2).InnerTextAsync()));
                }

                await page.ClickAsync("[data-table-id=compliance-region] details summary");
                var regions = page.Locator("[data-dashboard-table=compliance-region] tbody tr");
                Assert.Equal(year.Compliance.ByRegion.Count, await regions.CountAsync());
                for (var i = 0; i < year.Compliance.ByRegion.Count; i++)
                {
                    var group = year.Compliance.ByRegion[i];
                    Assert.Equal(group.Name, (await regions.Nth(i).Locator("th").InnerTextAsync()).Trim());
                    Assert.Equal(group.People, Number(await regions.Nth(i).Locator("td").Nth(0).InnerTextAsync()));
                    Assert.Equal(group.Met, Number(await regions.Nth(i).Locator("td").Nth(1).InnerTextAsync()));
                }

                var total = year.Targets.Single(t => t.Kind == "Total");
                Assert.Equal(DashboardTables.Count(year.Training.Trainees), (await page.Locator("[data-figure=trainees]").InnerTextAsync()).Trim());
                Assert.Equal(total.ActualTrainees, year.Training.Trainees);

                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                // A figure opens the list behind it: the region's people of the year.
                var first = year.Compliance.ByRegion[0];
                await regions.Nth(0).Locator("th a").ClickAsync();
                await page.WaitForURLAsync($"**/compliance/people?Year=2025&Region={first.Key}");
                Assert.Contains(first.Name, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
                await BrowserHost.AssertAccessibleAsync(page);
            });
        }
    }

    [BrowserFact]
    public async Task Anyone_sees_the_programs_public_figures_on_the_landing_page()
    {
        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(Anyone_sees_the_programs_public_figures_on_the_landing_page), width, async page =>
            {
                await page.GotoAsync("/");
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));
                Assert.Equal(ProgramPhases.On(today).Name, (await page.Locator("[data-phase]").InnerTextAsync()).Trim());
                await page.Locator("[data-chart=chart-public-years] canvas").WaitForAsync();
                Assert.Equal(1, await page.Locator("[data-chart=chart-public-targets] canvas").CountAsync());

                // The yearly trainees add up to the total shown.
                await page.ClickAsync("[data-table-id=public-years] details summary");
                var cells = page.Locator("[data-dashboard-table=public-years] tbody td");
                var sum = 0;
                for (var i = 0; i < await cells.CountAsync(); i++)
                {
                    sum += Number(await cells.Nth(i).InnerTextAsync());
                }

                Assert.True(sum > 0, "no trainees on the landing page");
                Assert.Equal(sum, Number(await page.Locator("[data-figure=person-times]").InnerTextAsync()));

                // Nothing personal: no links into staff pages.
                Assert.Equal(0, await page.Locator("[data-public-dashboard] a").CountAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            });
        }
    }

    private static int Number(string text) => int.Parse(text.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
