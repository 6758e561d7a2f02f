using System.Globalization;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Time;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// Double-random inspections in a real browser on the demo city: the program office defines a plan, draws it with a
/// seed, draws it again with the same seed after a confirmation and sees the same objects and inspectors (the API
/// shows two draws with one fingerprint), then records a finding requiring rectification with an evidence file; and
/// anyone reads the published results without signing in, at 1280 and 390 px. Every page passes axe.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SupervisionInspectionJourneyTests(BrowserHost host)
{
    private const string Office = "demo.program-office";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [BrowserFact]
    public async Task The_program_office_draws_a_plan_twice_with_the_same_seed_gets_the_same_result_and_records_a_finding_requiring_rectification()
    {
        using var api = await host.ApiAsync(Office);
        var planId = "";
        await host.RunAsync(nameof(The_program_office_draws_a_plan_twice_with_the_same_seed_gets_the_same_result_and_records_a_finding_requiring_rectification), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.ClickAsync(".site-nav a[href='/supervision/inspections']");
            await page.WaitForURLAsync("**/supervision/inspections");
            Assert.True(await page.Locator("[data-plan]").CountAsync() > 0, "the demo plan is listed");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "plans");

            await page.ClickAsync("a[href='/supervision/inspections/new']");
            await page.WaitForURLAsync("**/supervision/inspections/new");
            await page.FillAsync("#Title", "浏览器测试抽查计划");
            await page.FillAsync("#count-Class", "3");
            await page.FillAsync("#share-Provider", "20");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "new-plan");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync(".banner-success");
            planId = new Uri(page.Url).AbsolutePath.Split('/').Last();
            Assert.Equal("待抽取", await page.Locator("[data-status]").InnerTextAsync());

            var first = await DrawAsync(page, "20261206");
            Assert.Equal("20261206", await page.Locator("[data-seed]").InnerTextAsync());
            Assert.True(first.Count >= 4, "three classes and a fifth of the providers");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "drawn");

            var second = await DrawAsync(page, "20261206");
            Assert.Equal(first, second);
            Assert.Equal(2, await page.Locator("[data-draw]").CountAsync());

            // A finding requiring rectification, with an evidence file.
            await page.Locator("[data-inspections] tbody tr").First.Locator("a").ClickAsync();
            await page.WaitForURLAsync("**/supervision/inspections/objects/**");
            await BrowserHost.AssertAccessibleAsync(page);
            var due = ProgramCalendar.Today(TimeProvider.System).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await page.FillAsync("#Text", "浏览器测试：培训签到表缺失部分学员签字。");
            await page.CheckAsync("#RequiresRectification");
            await page.FillAsync("#DueOn", due);
            await page.SetInputFilesAsync("form[action*='handler=finding'] input[type=file]", new FilePayload { Name = "签到表.png", MimeType = "image/png", Buffer = Png });
            await page.ClickAsync("form[action*='handler=finding'] button[type=submit]");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Contains($"整改期限 {due}", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            var row = page.Locator("[data-findings] tbody tr").First;
            Assert.Equal("整改中", await row.Locator("[data-rectification]").InnerTextAsync());
            Assert.Contains("签到表.png", await row.InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "finding");
        });

        // The outcome in the data: two draws with one seed and one fingerprint; a finding with an open rectification.
        var plan = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/inspection-plans/{planId}", UriKind.Relative))).RootElement;
        var draws = plan.GetProperty("draws").EnumerateArray().ToList();
        Assert.Equal(2, draws.Count);
        Assert.All(draws, d => Assert.Equal(20261206, d.GetProperty("seed").GetInt64()));
        Assert.Single(draws.Select(d => d.GetProperty("fingerprint").GetString()).Distinct());
        Assert.Equal(1, plan.GetProperty("inspections").EnumerateArray().Sum(i => i.GetProperty("openRectifications").GetInt32()));
    }

    [BrowserFact]
    public async Task Anyone_reads_the_published_results_without_signing_in()
    {
        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(Anyone_reads_the_published_results_without_signing_in), width, async page =>
            {
                await page.GotoAsync("/inspections");
                Assert.Equal("双随机抽查结果公开", await page.Locator("h1").InnerTextAsync());
                Assert.True(await page.Locator("[data-public-plan]").CountAsync() > 0, "the demo plan is published");
                var text = await page.Locator("main").InnerTextAsync();
                Assert.Contains("整改中", text, StringComparison.Ordinal);
                Assert.Contains("整改完成", text, StringComparison.Ordinal);
                Assert.DoesNotContain("孔德明", text, StringComparison.Ordinal);
                Assert.DoesNotContain("1380537", text, StringComparison.Ordinal);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "public");
            });
        }
    }

    // Draws with a seed after the confirmation; the drawn objects with their inspectors, in draw order.
    private static async Task<List<string>> DrawAsync(IPage page, string seed)
    {
        await page.Locator("a[href*='act=draw']").ClickAsync();
        await page.WaitForSelectorAsync("#act");
        await page.FillAsync("#Seed", seed);
        await page.ClickAsync("#act button[type=submit]");
        await page.WaitForSelectorAsync(".banner-success");
        var rows = page.Locator("[data-inspections] tbody tr");
        var result = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            result.Add(await row.GetAttributeAsync("data-inspection") + ":" + await row.Locator("[data-inspectors]").InnerTextAsync());
        }

        return result;
    }

    // Screenshots for looking at the pages, when KR_SHOTS_DIR names a folder.
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("KR_SHOTS_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"inspect-{name}-{page.ViewportSize?.Width ?? 0}.png"), FullPage = true });
    }
}
