using System.Globalization;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The equal-treatment report in a real browser on the demo city: a county admin follows the link from
/// <c>/reports</c>, sees public and non-public employers' staff side by side with the figures of
/// <c>GET /api/reports/equal-treatment</c> for the same caller — accessible (axe) at 390 and 1280 px — and the
/// dashboard's section links back to it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class EqualTreatmentBrowserTests(BrowserHost host)
{
    [BrowserFact]
    public async Task A_county_admin_reads_the_equal_treatment_report_with_the_apis_figures()
    {
        using var api = await host.ApiAsync("demo.county-admin");
        var report = await api.GetJsonAsync("/api/reports/equal-treatment?year=2025");
        var nonPublicMet = report.GetProperty("nonPublic").GetProperty("compliance").GetProperty("met").GetInt32();
        var publicParticipants = report.GetProperty("public").GetProperty("participants").GetInt32();

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(A_county_admin_reads_the_equal_treatment_report_with_the_apis_figures), width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.county-admin");
                await page.GotoAsync("/reports");
                await page.ClickAsync("[data-link='equal-treatment']");
                await page.WaitForURLAsync(url => url.Contains("/reports/equal-treatment", StringComparison.Ordinal));
                await page.SelectOptionAsync("#Year", "2025");
                await page.ClickAsync("form.filters button[type=submit]");
                await page.WaitForURLAsync(url => url.Contains("Year=2025", StringComparison.Ordinal));
                Assert.Equal("任城区", await page.Locator("[data-scope]").InnerTextAsync());
                Assert.Equal(
                    nonPublicMet.ToString("N0", CultureInfo.InvariantCulture),
                    await page.Locator("tr[data-figure='compliance-met'] td[data-ownership='NonPublic']").InnerTextAsync());
                Assert.Equal(
                    publicParticipants.ToString("N0", CultureInfo.InvariantCulture),
                    await page.Locator("tr[data-figure='participants'] td[data-ownership='Public']").InnerTextAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.GotoAsync("/dashboard?Year=2025");
                await page.ClickAsync("[data-section='equal-treatment'] a[href^='/reports/equal-treatment']");
                await page.WaitForURLAsync(url => url.Contains("/reports/equal-treatment?Year=2025", StringComparison.Ordinal));
            });
        }
    }
}
