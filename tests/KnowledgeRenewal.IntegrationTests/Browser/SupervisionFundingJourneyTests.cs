using System.Text.Json;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// Funding in a real browser on the demo city: the program office opens the city-wide list of flagged spending, goes
/// to a project's funding page, sees the flagged line with its reason (outside the approved categories), explains it
/// after a confirmation — and the API shows the line explained, its flag kept. Every page passes axe; the project's
/// funding page fits a 390-px phone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SupervisionFundingJourneyTests(BrowserHost host)
{
    private const string Office = "demo.program-office";

    private static readonly string? Shots = Environment.GetEnvironmentVariable("KR_SHOTS");

    [BrowserFact]
    public async Task The_program_office_sees_a_flagged_line_on_a_project_s_funding_page_and_explains_it()
    {
        string lineId = "";
        await host.RunAsync("funding-office", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            Assert.Equal(1, await page.Locator(".card", new() { HasText = "项目经费" }).CountAsync());
            await page.GotoAsync("/supervision/funding/flags?Flag=OutsideCategory");
            Assert.Equal("经费疑点", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "flags");

            var row = page.Locator("tr[data-line]", new() { HasText = "超范围列支" }).First;
            lineId = (await row.GetAttributeAsync("data-line"))!;
            await row.Locator("td[data-label='项目'] a").ClickAsync();
            await page.WaitForURLAsync("**/supervision/funding/projects/*");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "project");

            var line = page.Locator($"tr[data-line='{lineId}']");
            Assert.Equal("true", await line.GetAttributeAsync("data-flagged"));
            Assert.Contains("不在项目核定的支出科目内", await line.InnerTextAsync(), StringComparison.Ordinal);
            await line.Locator("a:has-text('核实并说明')").ClickAsync();
            await page.WaitForURLAsync($"**/supervision/funding/spending/{lineId}");
            await BrowserHost.AssertAccessibleAsync(page);

            // Too short first: the reason is asked for next to its field.
            await page.FillAsync("#Reason", "可");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);

            await page.FillAsync("#Reason", "经核实为外地学员集中住宿，已报市项目办同意调整预算。");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync("[data-confirm-explain]");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "confirm");
            await page.ClickAsync("[data-confirm-explain]");
            await page.WaitForURLAsync("**/supervision/funding/projects/*");
            Assert.Contains("已说明", await page.Locator($"tr[data-line='{lineId}']").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
        });

        await host.RunAsync("funding-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.GotoAsync($"/supervision/funding/spending/{lineId}");
            await page.Locator("nav.breadcrumbs a").Last.ClickAsync();
            await page.WaitForURLAsync("**/supervision/funding/projects/*");
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await ShotAsync(page, "project");
        });

        using var api = await host.ApiAsync(Office);
        using var response = await api.GetAsync(new Uri($"/api/supervision/funding/spending/{lineId}", UriKind.Relative));
        var line = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("经核实为外地学员集中住宿，已报市项目办同意调整预算。", line.GetProperty("explanation").GetString());
        Assert.False(line.GetProperty("openFlag").GetBoolean());
        Assert.Contains("OutsideCategory", line.GetProperty("flags").GetString(), StringComparison.Ordinal);
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Shots is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var width = page.ViewportSize?.Width ?? 0;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"funding-{name}-{width}.png"), FullPage = true });
        }
    }
}
