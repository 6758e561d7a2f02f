using KnowledgeRenewal.Identity.Demo;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The README's screenshots: each demo account's workbench at 1280 and 390 px, written to <c>docs/screenshots/</c>.
/// Runs only when asked (<c>build/screenshots.sh</c> sets <c>KR_SCREENSHOTS=1</c>); it is a tool, not a test.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class Screenshots(BrowserHost host)
{
    [BrowserFact(RunsOnlyWith = "KR_SCREENSHOTS")]
    public async Task Every_demo_account_s_workbench()
    {
        var folder = Path.Combine(BrowserHost.ArtifactsDirectory, "..", "..", "docs", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var account in DemoAccounts.All)
        {
            foreach (var width in BrowserHost.Widths)
            {
                await host.RunAsync("screenshot-" + account.UserName, width, async page =>
                {
                    await BrowserHost.SignInAsync(page, account.UserName);
                    await page.GotoAsync("/workbench");
                    await page.ScreenshotAsync(new PageScreenshotOptions
                    {
                        Path = Path.Combine(folder, $"{account.UserName.Replace("demo.", "", StringComparison.Ordinal)}-{width}.png"),
                        FullPage = width < 1000,
                    });
                });
            }
        }
    }
}
