using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// Nested plans in a real browser on the demo city (ADR 0018): the county bureau (demo.county-admin, 任城区) opens its
/// county's plan from the year's plan page, changes its total on its own form and sees it saved — the API answers the
/// same target; the program office sees every county's and department's plan side by side on <c>/plans/{year}</c>.
/// Every page passes axe and fits a 390-px phone; screenshots go to <c>KR_SHOTS</c> when it names a folder.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class NestedPlansJourneyTests(BrowserHost host)
{
    // The demo's last year: its city plan and the demo's county and department plans.
    private const int Year = 2026;
    private const string County = "370811";

    private static readonly string? Shots = Environment.GetEnvironmentVariable("KR_SHOTS");

    [BrowserFact]
    public async Task A_county_sets_its_own_plan_and_the_program_office_sees_every_plan_side_by_side()
    {
        foreach (var width in BrowserHost.Widths)
        {
            var total = width == 1280 ? 15_500 : 15_400;
            await host.RunAsync(nameof(A_county_sets_its_own_plan_and_the_program_office_sees_every_plan_side_by_side) + "-county", width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.county-admin");
                await page.GotoAsync($"/plans/{Year}");
                var own = page.Locator($"[data-nested='Region:{County}']");
                Assert.Equal(1, await own.CountAsync());
                Assert.Equal(1, await page.Locator("[data-nested]").CountAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await own.Locator("a").First.ClickAsync();
                await page.WaitForURLAsync($"**/plans/{Year}/regions/{County}");
                Assert.Contains("任城区", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "county-plan");

                await page.ClickAsync($"a[href='/plans/{Year}/regions/{County}/edit']");
                await page.WaitForURLAsync($"**/plans/{Year}/regions/{County}/edit");
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await page.FillAsync("#Input_Total", "一万");
                await page.ClickAsync("form.plan-form button[type=submit]");
                Assert.Contains("必须是整数", await page.Locator("#Input_Total-error").InnerTextAsync(), StringComparison.Ordinal);
                await page.FillAsync("#Input_Total", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await page.ClickAsync("form.plan-form button[type=submit]");
                await page.WaitForURLAsync($"**/plans/{Year}/regions/{County}");
                Assert.Contains("已保存", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            });

            using var api = await host.ApiAsync("demo.county-admin");
            using var plan = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/annual-plans/{Year}/regions/{County}", UriKind.Relative)));
            var saved = plan.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Total");
            Assert.Equal(total, saved.GetProperty("targetTrainees").GetInt32());

            await host.RunAsync(nameof(A_county_sets_its_own_plan_and_the_program_office_sees_every_plan_side_by_side) + "-office", width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.program-office");
                await page.GotoAsync($"/plans/{Year}");
                Assert.True(await page.Locator("[data-nested^='Region:']").CountAsync() >= 11, "every county");
                Assert.True(await page.Locator("[data-nested^='Department:']").CountAsync() >= 6, "every department");
                Assert.Contains("15,", await page.Locator($"[data-nested='Region:{County}'] [data-target-trainees]").InnerTextAsync(), StringComparison.Ordinal);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await page.Locator("#nested-title").ScrollIntoViewIfNeededAsync();
                await ShotAsync(page, "plans-nested");
            });
        }
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Shots is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var width = page.ViewportSize?.Width ?? 0;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }
    }
}
