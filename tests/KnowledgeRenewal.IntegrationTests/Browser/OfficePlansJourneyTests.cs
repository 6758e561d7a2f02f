using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Time;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The program office's supervision journeys in a real browser on the demo city: it sets the current year's targets
/// on the plan form (a bad value first, explained next to its field) and reads the progress on the plan's page — the
/// same numbers <c>GET /api/annual-plans/{year}</c> answers; it approves a citizen's subsidy claim and records its
/// payment, each after a confirmation — and the API shows the claim paid with the voucher number. Every page visited
/// passes axe; the main pages fit a 390-px phone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OfficePlansJourneyTests(BrowserHost host)
{
    private const string Office = "demo.program-office";

    /// <summary>Where screenshots go when <c>KR_SHOTS</c> names a folder.</summary>
    private static readonly string? Shots = Environment.GetEnvironmentVariable("KR_SHOTS");

    [BrowserFact]
    public async Task The_program_office_sets_this_years_targets_in_the_browser_and_sees_the_progress_the_API_computes()
    {
        var year = ProgramCalendar.Today(TimeProvider.System).Year;
        using var api = await host.ApiAsync(Office);
        string actualOnPage = "";
        await host.RunAsync(nameof(The_program_office_sets_this_years_targets_in_the_browser_and_sees_the_progress_the_API_computes), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            var card = page.Locator(".card", new() { HasText = "年度计划与补贴发放" });
            Assert.Equal(1, await card.CountAsync());
            await page.ClickAsync(".site-nav a[href='/plans']");
            await page.WaitForURLAsync("**/plans");
            Assert.Equal("年度计划", await page.Locator("h1").InnerTextAsync());
            Assert.Contains($"{year} 年度进度", await page.Locator("[data-this-year]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.Locator("[data-unset]").CountAsync() > 0, "the list shows the program years without a plan");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "plans");

            await page.ClickAsync($"a[href='/plans/{year}']:has-text('{year} 年度计划')");
            await page.WaitForURLAsync($"**/plans/{year}");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync($"a[href='/plans/{year}/edit']");
            await page.WaitForURLAsync($"**/plans/{year}/edit");
            Assert.Equal($"设置 {year} 年度计划", await page.Locator("h1").InnerTextAsync());
            Assert.Contains("约 10 万人次", await page.Locator(".plan-guidance").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);

            // A share that is not a number and shares above the total: each said next to its field, nothing written.
            await page.FillAsync("#Input_Total", "95000");
            await page.GetByLabel("任城区（选填）", new() { Exact = true }).FillAsync("十二万");
            await page.GetByLabel("济宁市教育局（选填）", new() { Exact = true }).FillAsync("96000");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal("任城区的目标培训人数必须是整数，例如 1000", await FieldErrorAsync(page, "任城区（选填）"));
            Assert.Contains("超过了总目标 95,000", await page.Locator("#Input_Total-error").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.GetByLabel("任城区（选填）", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "plan-edit-errors");

            // Corrected: the plan is saved and its page shows each target's progress.
            await page.GetByLabel("任城区（选填）", new() { Exact = true }).FillAsync("15000");
            await page.GetByLabel("济宁市教育局（选填）", new() { Exact = true }).FillAsync("32000");
            await page.Locator("[data-type='AdvancedSeminar']").GetByLabel("目标项目数（个）（选填）").FillAsync("22");
            await page.FillAsync("#Input_Notes", "浏览器测试：调整后的年度目标");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => url.EndsWith($"/plans/{year}", StringComparison.Ordinal));
            Assert.Contains($"已保存 {year} 年度计划", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            var total = page.Locator("tr[data-target='Total:']");
            Assert.Equal("95,000", await total.Locator("[data-target-trainees]").InnerTextAsync());
            actualOnPage = await total.Locator("[data-actual-trainees]").InnerTextAsync();
            Assert.Equal("15,000", await page.Locator("tr[data-target='Region:370811'] [data-target-trainees]").InnerTextAsync());
            Assert.Equal(1, await page.Locator("tr[data-target='Total:'] progress").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "plan");

            await page.SetViewportSizeAsync(390, 900);
            foreach (var address in new[] { $"/plans/{year}", "/plans", $"/plans/{year}/edit" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "phone" + address.Replace('/', '-'));
            }
        });

        // The same plan in the data, with the progress the page showed.
        using var plan = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/annual-plans/{year}", UriKind.Relative)));
        var targets = plan.RootElement.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal("浏览器测试：调整后的年度目标", plan.RootElement.GetProperty("notes").GetString());
        var totalTarget = targets.Single(t => t.GetProperty("kind").GetString() == "Total");
        Assert.Equal(95_000, totalTarget.GetProperty("targetTrainees").GetInt32());
        Assert.Equal(actualOnPage, totalTarget.GetProperty("actualTrainees").GetInt32().ToString("#,0", CultureInfo.InvariantCulture));
        Assert.Equal(15_000, targets.Single(t => t.GetProperty("key").GetString() == "370811").GetProperty("targetTrainees").GetInt32());
        Assert.Equal(32_000, targets.Single(t => t.GetProperty("key").GetString() == "education").GetProperty("targetTrainees").GetInt32());
        Assert.Equal(22, targets.Single(t => t.GetProperty("key").GetString() == "AdvancedSeminar").GetProperty("targetProjects").GetInt32());
    }

    [BrowserFact]
    public async Task The_program_office_approves_a_subsidy_claim_and_records_its_payment_in_the_browser()
    {
        const string reference = "JNBT-浏览器-0001";
        using var api = await host.ApiAsync(Office);
        var claimId = "";
        await host.RunAsync(nameof(The_program_office_approves_a_subsidy_claim_and_records_its_payment_in_the_browser), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.Locator(".card", new() { HasText = "年度计划与补贴发放" }).Locator("a[href='/digital/claims?status=Submitted']").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/digital/claims?status=Submitted", StringComparison.Ordinal));
            Assert.Equal("补贴申领审核", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "claims");
            var row = page.Locator("table.digital-claims tbody tr[data-status='Submitted']").First;
            claimId = (await row.GetAttributeAsync("data-claim"))!;
            await row.Locator("a").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith($"/digital/claims/{claimId}", StringComparison.Ordinal));
            Assert.Equal("已提交", await page.Locator("[data-claim-status]").InnerTextAsync());
            Assert.Equal(0, await page.Locator($"a[href='/digital/claims/{claimId}?confirm=pay']").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);

            // Approve, after the confirmation.
            await page.ClickAsync($"a[href='/digital/claims/{claimId}?confirm=approve']");
            Assert.Equal("确认核准该补贴申领？", await page.Locator("#confirm-title").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await page.FillAsync("#Input_Comment", "材料齐全，符合补贴条件");
            await page.ClickAsync("main form button[type=submit]:has-text('确认核准')");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Equal("已核准", await page.Locator("[data-claim-status]").InnerTextAsync());
            Assert.Equal(0, await page.Locator($"a[href='/digital/claims/{claimId}?confirm=approve']").CountAsync());

            // Record the payment: without its voucher number first (said next to the field), then with it.
            await page.ClickAsync($"a[href='/digital/claims/{claimId}?confirm=pay']");
            Assert.Equal("确认登记补贴发放？", await page.Locator("#confirm-title").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "claim-pay");
            await page.ClickAsync("main form button[type=submit]:has-text('确认登记发放')");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.Equal("请填写发放凭证号。", await ErrorOfAsync(page, "Input_Reference"));
            Assert.Equal("已核准", await page.Locator("[data-claim-status]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await page.FillAsync("#Input_Reference", reference);
            await page.ClickAsync("main form button[type=submit]:has-text('确认登记发放')");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Equal("已发放", await page.Locator("[data-claim-status]").InnerTextAsync());
            Assert.Contains(reference, await page.Locator("table.claim-trail tr[data-step='paid']").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("[data-actions]").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "claim");

            await page.SetViewportSizeAsync(390, 900);
            foreach (var address in new[] { $"/digital/claims/{claimId}", "/digital/claims?status=Paid", "/workbench" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "phone" + address.Replace('/', '-').Replace('?', '-'));
            }
        });

        using var claim = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/digital-engineers/subsidy-claims/{claimId}", UriKind.Relative)));
        Assert.Equal("Paid", claim.RootElement.GetProperty("status").GetString());
        var steps = claim.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["submitted", "approved", "paid"], steps.Select(s => s.GetProperty("step").GetString()));
        Assert.Equal(("材料齐全，符合补贴条件", Office), (steps[1].GetProperty("comment").GetString(), steps[1].GetProperty("by").GetString()));
        Assert.Equal((reference, Office), (steps[2].GetProperty("comment").GetString(), steps[2].GetProperty("by").GetString()));
    }

    [BrowserFact]
    public async Task The_program_office_lists_an_institution_and_changes_another_ones_validity_in_the_browser()
    {
        using var api = await host.ApiAsync(Office);
        var listedId = "";
        var changedId = "";
        var listedName = "";
        await host.RunAsync(nameof(The_program_office_lists_an_institution_and_changes_another_ones_validity_in_the_browser), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.ClickAsync(".site-nav a[href='/digital/institutions']");
            await page.WaitForURLAsync("**/digital/institutions");
            Assert.Equal("数字技术工程师机构目录", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "institutions");
            await page.SelectOptionAsync("#Kind", "Evaluation");
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains("Kind=Evaluation", StringComparison.Ordinal));
            Assert.Equal(0, await page.Locator("table.digital-institutions tbody tr", new() { HasText = "培训机构" }).CountAsync());

            // Change a training institution's validity and fields.
            await page.GotoAsync("/digital/institutions?Kind=Training");
            await page.ClickAsync("table.digital-institutions a:text-is('山东理工职业学院')");
            await page.WaitForURLAsync(url => url.Contains("/digital/institutions/", StringComparison.Ordinal));
            changedId = page.Url.Split('/')[^1];
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "institution");
            await page.ClickAsync($"a[href='/digital/institutions/{changedId}/edit']");
            await page.WaitForURLAsync($"**/digital/institutions/{changedId}/edit");
            await page.FillAsync("#Input_ValidTo", "2029-06-30");
            await page.CheckAsync("input[name='Input.Scopes'][value='Blockchain:Junior']");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => url.EndsWith($"/digital/institutions/{changedId}", StringComparison.Ordinal));
            Assert.Contains("已修改", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("2029-06-30", await page.Locator("[data-validity]").InnerTextAsync(), StringComparison.Ordinal);

            // List an organization not in the catalog yet as an evaluation institution: without fields first.
            await page.GotoAsync("/digital/institutions/new");
            await BrowserHost.AssertAccessibleAsync(page);
            var option = page.Locator("#Input_Organization option:not([value=''])").First;
            var organization = (await option.GetAttributeAsync("value"))!;
            listedName = (await option.InnerTextAsync()).Split('（')[0];
            await page.SelectOptionAsync("#Input_Organization", organization);
            await page.SelectOptionAsync("#Input_Kind", "Evaluation");
            await page.FillAsync("#Input_ValidFrom", "2026-01-01");
            await page.FillAsync("#Input_ValidTo", "2027-12-31");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.Equal("请至少勾选一个领域和等级", await ErrorOfAsync(page, "Input_Scopes"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "institution-new-errors");
            await page.CheckAsync("input[name='Input.Scopes'][value='BigData:Senior']");
            await page.CheckAsync("input[name='Input.Scopes'][value='CloudComputing:Senior']");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => Regex.IsMatch(url, "/digital/institutions/[0-9a-f-]{36}$"));
            listedId = page.Url.Split('/')[^1];
            Assert.Equal("评价机构", await page.Locator("[data-kind]").InnerTextAsync());

            await page.SetViewportSizeAsync(390, 900);
            foreach (var address in new[] { "/digital/institutions", $"/digital/institutions/{listedId}", $"/digital/institutions/{changedId}/edit" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "phone" + address.Replace('/', '-'));
            }
        });

        using var changed = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/digital-engineers/institutions/{changedId}", UriKind.Relative)));
        Assert.Equal("2029-06-30", changed.RootElement.GetProperty("validTo").GetString());
        Assert.Contains(changed.RootElement.GetProperty("scopes").EnumerateArray(), s => s.GetProperty("field").GetString() == "Blockchain" && s.GetProperty("level").GetString() == "Junior");
        using var listed = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/digital-engineers/institutions/{listedId}", UriKind.Relative)));
        Assert.Equal(("Evaluation", listedName, "2027-12-31"), (listed.RootElement.GetProperty("kind").GetString(), listed.RootElement.GetProperty("organizationName").GetString(), listed.RootElement.GetProperty("validTo").GetString()));
        Assert.Equal(["BigData:Senior", "CloudComputing:Senior"], listed.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetProperty("field").GetString() + ":" + s.GetProperty("level").GetString()));
    }

    private static async Task<string> FieldErrorAsync(IPage page, string label) =>
        await ErrorOfAsync(page, (await page.GetByLabel(label, new() { Exact = true }).GetAttributeAsync("id"))!);

    // The message next to a field, without the words only a screen reader hears.
    private static async Task<string> ErrorOfAsync(IPage page, string id) =>
        (await page.Locator($"#{id}-error").InnerTextAsync()).Replace("错误：", "", StringComparison.Ordinal).Trim();

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Shots is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var width = page.ViewportSize?.Width ?? 0;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"office-{name}-{width}.png"), FullPage = true });
        }
    }
}
