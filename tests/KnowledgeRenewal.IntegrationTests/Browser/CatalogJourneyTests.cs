using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Time;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The line department's rules journey in a real browser on the demo city: the health department's administrator
/// reads the module's subject catalog and the rule set in force, then tries a stricter draft on last year's records —
/// and the page shows exactly the numbers <c>POST /api/compliance/what-if</c> answers for the same draft.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CatalogJourneyTests(BrowserHost host)
{
    private const string Admin = "demo.department-admin";

    // The draft: the health rule set in force with 30 credits a year instead of 25 (the classes' maximums unchanged).
    private const string StricterTotal = "30";

    [BrowserFact]
    public async Task The_department_admin_reads_the_health_catalog_and_rules_and_a_stricter_draft_shows_the_APIs_numbers()
    {
        using var api = await host.ApiAsync(Admin);
        var book = JsonNode.Parse(await api.GetStringAsync(new Uri("/api/rules/health", UriKind.Relative)))!;
        var inForce = book["inForce"]!;
        var title = inForce["title"]!.GetValue<string>();
        var year = ProgramCalendar.Today(TimeProvider.System).Year - 1;

        // The same draft as the form sends when only the total is changed: the set in force, titled as a draft.
        var draft = inForce.DeepClone();
        draft["title"] = title + "（调整草案）";
        draft["requiredTotal"] = decimal.Parse(StricterTotal, CultureInfo.InvariantCulture);
        draft["effectiveTo"] = null;
        using var response = await api.PostAsJsonAsync(new Uri("/api/compliance/what-if", UriKind.Relative), new JsonObject
        {
            ["scope"] = "health",
            ["year"] = year,
            ["ruleSet"] = draft,
            ["sample"] = 20,
        });
        var expected = await response.ReadJsonAsync(HttpStatusCode.OK, "what-if through the API");
        Assert.True(expected.GetProperty("newlyNotMet").GetInt32() > 0, $"the stricter draft moves someone of the demo city out of 达标: {expected}");

        await host.RunAsync(nameof(The_department_admin_reads_the_health_catalog_and_rules_and_a_stricter_draft_shows_the_APIs_numbers), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Admin);
            await page.ClickAsync(".site-nav a[href='/catalog']");
            await page.WaitForURLAsync("**/catalog");
            Assert.Equal(title, (await page.Locator("[data-in-force-title]").InnerTextAsync()).Trim());
            Assert.Equal("现行", (await page.Locator("[data-in-force] [data-rule-state]").InnerTextAsync()).Trim());
            var codes = await page.Locator("[data-subjects] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.subject)");
            Assert.NotEmpty(codes);
            Assert.All(codes, code => Assert.StartsWith("WS-", code, StringComparison.Ordinal));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);

            // Search the catalog; the search stays in the address.
            await page.FillAsync("#Search", "护理");
            await page.ClickAsync("form[aria-label='查询科目'] button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains("Search=", StringComparison.Ordinal));
            var names = await page.Locator("[data-subjects] tbody td[data-label='名称']").AllInnerTextsAsync();
            Assert.NotEmpty(names);
            Assert.All(names, name => Assert.Contains("护理", name, StringComparison.Ordinal));

            // A rule set in words.
            await page.ClickAsync("[data-rule-sets] tbody a");
            await page.WaitForURLAsync("**/catalog/rules/1?scope=health");
            Assert.Contains("Ⅰ类学分", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);

            // The what-if: a stricter total, the answer below the form's heading.
            await page.GotoAsync("/catalog?scope=health");
            await page.ClickAsync("a[href='/catalog/what-if?scope=health']");
            await page.WaitForURLAsync("**/catalog/what-if?scope=health");
            Assert.Equal("25", await page.InputValueAsync("#Input_RequiredTotal"));
            Assert.Equal(year.ToString(CultureInfo.InvariantCulture), await page.InputValueAsync("#Input_Year"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await page.FillAsync("#Input_RequiredTotal", StricterTotal);
            await page.ClickAsync("form[data-what-if-form] button[type=submit]");
            await page.Locator("[data-what-if-result]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });

            Assert.Equal(Count(expected, "people"), await TextAsync(page, "[data-what-if-result] [data-people]"));
            Assert.Equal(Count(expected, "newlyMet"), await TextAsync(page, "[data-newly-met]"));
            Assert.Equal(Count(expected, "newlyNotMet"), await TextAsync(page, "[data-newly-not-met]"));
            Assert.Equal(Count(expected, "changed"), await TextAsync(page, "[data-changed]"));
            foreach (var (key, property) in new[] { ("met", "met"), ("not-met", "notMet"), ("in-progress", "inProgress"), ("no-rules", "noRules") })
            {
                Assert.Equal(Count(expected.GetProperty("before"), property), await TextAsync(page, $"[data-what-if-counts] tr[data-status='{key}'] [data-before]"));
                Assert.Equal(Count(expected.GetProperty("after"), property), await TextAsync(page, $"[data-what-if-counts] tr[data-status='{key}'] [data-after]"));
            }

            // The sample is masked as the API masks it.
            var sampleNames = await page.Locator("[data-what-if-sample] tbody th").AllInnerTextsAsync();
            Assert.Equal(expected.GetProperty("sample").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal), sampleNames.Select(n => n.Trim()).Order(StringComparer.Ordinal));
            Assert.All(sampleNames, name => Assert.Contains("*", name, StringComparison.Ordinal));
            Assert.Equal(StricterTotal, await page.InputValueAsync("#Input_RequiredTotal"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
        });

        // Nothing was written: the rules in force are those of before.
        var after = JsonNode.Parse(await api.GetStringAsync(new Uri("/api/rules/health", UriKind.Relative)))!;
        Assert.Equal(book.ToJsonString(), after.ToJsonString());

        await host.RunAsync(nameof(The_department_admin_reads_the_health_catalog_and_rules_and_a_stricter_draft_shows_the_APIs_numbers) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Admin);
            await page.ClickAsync(".site-menu > summary");
            await page.ClickAsync(".site-nav a[href='/catalog']");
            await page.WaitForURLAsync("**/catalog");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            // The workbench names the rules in force.
            await page.GotoAsync("/workbench");
            Assert.Contains($"现行《{title}》", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await ShotAsync(page);
            await page.ClickAsync("a[href='/catalog/what-if?scope=health']");
            await page.WaitForURLAsync("**/catalog/what-if?scope=health");
            await BrowserHost.AssertFitsWidthAsync(page);

            // A negative total is named next to its field, in Chinese.
            await page.FillAsync("#Input_RequiredTotal", "-5");
            await page.ClickAsync("form[data-what-if-form] button[type=submit]");
            await page.Locator("#Input_RequiredTotal-error").WaitForAsync();
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.Locator("#Input_RequiredTotal").GetAttributeAsync("aria-invalid"));
            Assert.Contains("周期要求总量必须大于 0", await page.Locator("#Input_RequiredTotal-error").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("[data-what-if-result]").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
        });
    }

    [BrowserFact]
    public async Task The_program_office_chooses_the_general_standard_or_any_module()
    {
        await host.RunAsync(nameof(The_program_office_chooses_the_general_standard_or_any_module), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.program-office");
            await page.ClickAsync(".site-nav a[href='/catalog']");
            await page.WaitForURLAsync("**/catalog");
            await page.SelectOptionAsync("#Scope", "platform");
            await page.ClickAsync("form[aria-label='选择规则范围'] button[type=submit]");
            await page.WaitForURLAsync("**/catalog?Scope=platform");
            Assert.Contains("至少占要求总量的 2/3", await page.Locator("[data-in-force]").InnerTextAsync(), StringComparison.Ordinal);
            var codes = await page.Locator("[data-subjects] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.subject)");
            Assert.NotEmpty(codes);
            Assert.All(codes, code => Assert.StartsWith("GX-", code, StringComparison.Ordinal));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);

            await page.SelectOptionAsync("#Scope", "transport");
            await page.ClickAsync("form[aria-label='选择规则范围'] button[type=submit]");
            await page.WaitForURLAsync("**/catalog?Scope=transport");
            Assert.Contains("交通运输", await page.Locator("h2#rules-heading").InnerTextAsync(), StringComparison.Ordinal);
            await page.ClickAsync("a[href='/catalog/what-if?scope=transport']");
            await page.WaitForURLAsync("**/catalog/what-if?scope=transport");
            Assert.Equal("transport", await page.InputValueAsync("#Scope"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
        });
    }

    private static string Count(JsonElement answer, string property) =>
        answer.GetProperty(property).GetInt32().ToString("N0", CultureInfo.InvariantCulture);

    private static async Task<string> TextAsync(IPage page, string selector) => (await page.Locator(selector).InnerTextAsync()).Trim();

    /// <summary>With <c>KR_SHOTS_DIR</c> set, saves the page as a person sees it (for looking at the pages, not a check).</summary>
    private static async Task ShotAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("KR_SHOTS_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var width = page.ViewportSize?.Width ?? 0;
        var name = new Uri(page.Url).PathAndQuery.Trim('/').Replace('/', '_').Replace('?', '_').Replace('&', '_').Replace('=', '-');
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}-{Environment.TickCount64}.png"), FullPage = true });
    }
}
