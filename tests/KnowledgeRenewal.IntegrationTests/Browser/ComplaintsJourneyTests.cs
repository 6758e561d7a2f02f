using System.Text.Json;
using KnowledgeRenewal.Registry.Demo;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// Complaints in a real browser on the demo city: someone without an account files a complaint on a phone (a wrong
/// phone number first, explained next to its field), gets a lookup code and looks the complaint up with it; the program
/// office assigns that complaint to 任城区, and resolves a complaint whose deadline has passed after a confirmation that
/// says it is late — and the API shows it resolved with the working days it was late. Every page passes axe; the public
/// pages fit a 390-px phone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ComplaintsJourneyTests(BrowserHost host)
{
    private const string Office = "demo.program-office";

    private static readonly string? Shots = Environment.GetEnvironmentVariable("KR_SHOTS");

    [BrowserFact]
    public async Task Someone_files_a_complaint_without_signing_in_and_the_program_office_assigns_it_and_resolves_a_late_one()
    {
        string code = "";
        await host.RunAsync("complaint-public", 390, async page =>
        {
            await page.GotoAsync("/complaints");
            Assert.Equal("投诉", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await ShotAsync(page, "file");

            await page.SelectOptionAsync("#Input_ObjectKind", "Provider");
            await page.FillAsync("#Input_ObjectReference", DemoOrganizations.DemoProvider);
            await page.FillAsync("#Input_Subject", "浏览器测试：报名另收资料费");
            await page.FillAsync("#Input_Content", "报名时每人另收资料费 200 元，没有开具票据。");
            await page.FillAsync("#Input_ContactName", "赵测试");
            await page.FillAsync("#Input_ContactPhone", "12345");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Contains("手机号或带区号的固定电话", await page.Locator("#Input_ContactPhone-error").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("赵测试", await page.InputValueAsync("#Input_ContactName"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "file-errors");

            await page.FillAsync("#Input_ContactPhone", "13905370000");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync("**/complaints/filed");
            code = (await page.Locator("[data-complaint-code]").InnerTextAsync()).Trim();
            Assert.Matches("^TS-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$", code);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await ShotAsync(page, "filed");

            await page.ClickAsync("a:has-text('查看办理进度')");
            await page.WaitForURLAsync("**/complaints/status?code=*");
            Assert.Equal("待分派", await page.Locator("[data-status-name]").InnerTextAsync());
            Assert.DoesNotContain("13905370000", await page.ContentAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("赵测试", await page.ContentAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await ShotAsync(page, "status");
        });

        using var api = await host.ApiAsync(Office);
        string lateId = "";
        await host.RunAsync("complaint-office", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            Assert.Equal(1, await page.Locator(".card", new() { HasText = "投诉办理" }).CountAsync());
            await page.GotoAsync("/supervision/complaints?Status=Received");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "office-list");
            await page.Locator("tr", new() { HasText = code }).Locator("a").ClickAsync();
            await page.WaitForURLAsync("**/supervision/complaints/*");
            Assert.Equal("139****0000", await page.Locator("[data-phone]").InnerTextAsync());
            var rencheng = await page.Locator("#Input_OrganizationId option", new() { HasText = "任城区" }).First.GetAttributeAsync("value");
            await page.SelectOptionAsync("#Input_OrganizationId", rencheng!);
            await page.FillAsync("#Input_Note", "请核实收费依据");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "office-assign");
            await page.ClickAsync("main form button:has-text('分派')");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Equal("办理中", await page.Locator("[data-complaint-status]").InnerTextAsync());

            // A complaint past its resolve deadline: escalated, and resolved late after a confirmation that says so.
            await page.GotoAsync("/supervision/complaints?Status=Assigned&Overdue=true");
            var late = page.Locator("tr[data-overdue='true'][data-status='Assigned']").First;
            lateId = (await late.GetAttributeAsync("data-complaint"))!;
            await late.Locator("a").ClickAsync();
            await page.WaitForURLAsync($"**/supervision/complaints/{lateId}");
            Assert.Contains("已逾期", await page.Locator("[data-escalated]").InnerTextAsync(), StringComparison.Ordinal);
            await page.ClickAsync("a:has-text('办结')");
            await page.WaitForURLAsync("**confirm=resolve");
            Assert.Contains("办结后将记为逾期办结", await page.Locator(".confirm-box").InnerTextAsync(), StringComparison.Ordinal);
            await page.ClickAsync(".confirm-box button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.Contains("请选择调查结论", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
            await page.SelectOptionAsync("#Input_Finding", "PartlySubstantiated");
            await page.FillAsync("#Input_FindingText", "浏览器测试：经核实部分属实，已责令整改。");
            await page.FillAsync("#Input_PublicOutcome", "经核实部分属实，已责令整改。");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "office-resolve");
            await page.ClickAsync(".confirm-box button[type=submit]");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Equal("已办结", await page.Locator("[data-complaint-status]").InnerTextAsync());
            Assert.Contains("逾期", await page.Locator("[data-closed-late]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "office-resolved");
        });

        using var resolved = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/complaints/{lateId}", UriKind.Relative)));
        Assert.Equal("Resolved", resolved.RootElement.GetProperty("status").GetString());
        Assert.Equal("PartlySubstantiated", resolved.RootElement.GetProperty("finding").GetString());
        Assert.True(resolved.RootElement.GetProperty("closedLateBy").GetInt32() > 0);

        using var lookup = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/public/complaints/{code}", UriKind.Relative)));
        Assert.Equal("Assigned", lookup.RootElement.GetProperty("status").GetString());
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Shots is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var width = page.ViewportSize?.Width ?? 0;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"complaints-{name}-{width}.png"), FullPage = true });
        }
    }
}
