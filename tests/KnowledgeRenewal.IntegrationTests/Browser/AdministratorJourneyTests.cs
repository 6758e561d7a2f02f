using System.Globalization;
using System.Text.Json;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The security and audit administrators in a real browser on the demo city: the security administrator creates an
/// employer HR account, hands over the one-time password read from the page (shown once), and its holder signs in
/// with it and sets a new password; the audit administrator filters the log, opens a record and verifies the chain —
/// each outcome then read back through the API.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AdministratorJourneyTests(BrowserHost host)
{
    private const string Security = "demo.security-admin";
    private const string Auditor = "demo.audit-admin";

    [BrowserFact]
    public async Task The_security_admin_creates_an_account_whose_one_time_password_signs_in()
    {
        var userName = "hr." + Guid.NewGuid().ToString("N")[..10];
        await host.RunAsync(nameof(The_security_admin_creates_an_account_whose_one_time_password_signs_in), 1280, async page =>
        {
            await SignInAsync(page, Security);
            Assert.Contains("当前被锁定的账号", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync(".site-nav a[href='/admin/accounts']");
            await page.WaitForURLAsync("**/admin/accounts");

            // The demo employer: the one demo.employer-hr belongs to, found with the list's search.
            await page.FillAsync("#q", "demo.employer-hr");
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync("**/admin/accounts?*q=demo.employer-hr*");
            var employer = (await page.Locator("tbody tr td[data-label='所属单位'] a").First.InnerTextAsync()).Trim();
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page);

            await page.ClickAsync("a[href='/admin/accounts/new']");
            await page.WaitForURLAsync("**/admin/accounts/new");
            await page.FillAsync("#orgq", employer);
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync("**/admin/accounts/new?orgq=*");
            var option = await page.Locator("#Input_OrganizationId option", new() { HasTextString = employer }).First.GetAttributeAsync("value");
            await page.SelectOptionAsync("#Input_OrganizationId", option!);
            await page.FillAsync("#Input_UserName", userName);
            await page.FillAsync("#Input_DisplayName", "新任人事专员");
            await page.CheckAsync("#Input_Roles-employer-hr");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("form.form-narrow button[type=submit]");
            await page.WaitForURLAsync("**/admin/accounts/*-*");

            var oneTimePassword = (await page.Locator("#one-time-password").InnerTextAsync()).Trim();
            Assert.Equal(16, oneTimePassword.Length);
            Assert.Contains("已创建", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("用人单位人事管理员", await page.Locator(".summary-list").InnerTextAsync(), StringComparison.Ordinal);
            await ShotAsync(page, "account-created");
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page);

            // Shown once: a reload no longer has it.
            await page.ReloadAsync();
            Assert.Equal(0, await page.Locator("#one-time-password").CountAsync());
            Assert.DoesNotContain(oneTimePassword, await page.ContentAsync(), StringComparison.Ordinal);

            // Its holder, in a browser of their own: the one-time password, then a new password of their choice.
            await using (var holderContext = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai" }))
            {
                var holder = await holderContext.NewPageAsync();
                await holder.GotoAsync("/account/login");
                await holder.FillAsync("#login", userName);
                await holder.FillAsync("#password", oneTimePassword);
                await holder.ClickAsync("form.auth-form button[type=submit]");
                await holder.WaitForURLAsync("**/account/password**");
                await holder.FillAsync("#current-password", oneTimePassword);
                await holder.FillAsync("#new-password", "Renew-Jining-2026#hr");
                await holder.FillAsync("#confirm-password", "Renew-Jining-2026#hr");
                await holder.ClickAsync("form.auth-form button[type=submit]");
                await holder.WaitForURLAsync("**/workbench");
                var me = await holder.Context.APIRequest.GetAsync("/api/me");
                Assert.Equal(200, me.Status);
                using var answer = JsonDocument.Parse(await me.TextAsync());
                Assert.Equal(userName, answer.RootElement.GetProperty("userName").GetString());
                Assert.Equal(["employer-hr"], answer.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
                Assert.Equal(employer, answer.RootElement.GetProperty("organization").GetProperty("name").GetString());
            }

            // In the data, as the security administrator reads it through the API: the account, its role, the password changed.
            var found = await page.Context.APIRequest.GetAsync($"/api/admin/accounts?search={userName}");
            Assert.Equal(200, found.Status);
            using var accounts = JsonDocument.Parse(await found.TextAsync());
            var account = Assert.Single(accounts.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(userName, account.GetProperty("userName").GetString());
            Assert.Equal(["employer-hr"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
            Assert.Equal(employer, account.GetProperty("organizationName").GetString());
            Assert.False(account.GetProperty("mustChangePassword").GetBoolean());
            Assert.NotEqual(JsonValueKind.Null, account.GetProperty("lastSignInAt").ValueKind);
        });
    }

    [BrowserFact]
    public async Task The_audit_admin_filters_the_log_opens_a_record_and_verifies_the_chain()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        await host.RunAsync(nameof(The_audit_admin_filters_the_log_opens_a_record_and_verifies_the_chain), 1280, async page =>
        {
            await SignInAsync(page, Auditor);
            Assert.Contains("最近一次校验审计链", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await page.ClickAsync(".site-nav a[href='/audit']");
            await page.WaitForURLAsync("**/audit");

            await page.SelectOptionAsync("#action", AuditActions.SignIn);
            await page.ClickAsync("details.filters-more > summary");
            await page.SelectOptionAsync("#outcome", "Success");
            await page.ClickAsync("form.filters > .btn-row button[type=submit]");
            await page.WaitForURLAsync($"**/audit?*action={AuditActions.SignIn}*");
            Assert.Contains("outcome=Success", page.Url, StringComparison.Ordinal);
            var actions = await page.Locator("tbody td[data-label='操作']").AllInnerTextsAsync();
            Assert.NotEmpty(actions);
            Assert.All(actions, a => Assert.Equal("登录", a.Trim()));
            Assert.All(await page.Locator("tbody td[data-label='结果']").AllInnerTextsAsync(), o => Assert.Equal("成功", o.Trim()));
            await ShotAsync(page, "audit-log");
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page);

            var first = page.Locator("tbody td[data-label='序号'] a").First;
            var sequence = (await first.InnerTextAsync()).Trim();
            await first.ClickAsync();
            await page.WaitForURLAsync($"**/audit/records/{sequence}");
            var record = await page.Locator("main").InnerTextAsync();
            Assert.Contains("登录（auth.sign_in）", record, StringComparison.Ordinal);
            Assert.Matches("[0-9a-f]{64}", record);
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page);

            await page.ClickAsync("a[href='/audit/verify']");
            await page.WaitForURLAsync("**/audit/verify");
            await page.ClickAsync("form button[type=submit]:has-text('立即校验')");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Contains("审计链完整", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.StartsWith("完整", (await page.Locator("[data-verification-result]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
            await ShotAsync(page, "audit-verified");
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page);

            // In the data, through the API as the audit administrator: the verification was recorded, intact, by them.
            var from = Uri.EscapeDataString(started.ToString("O", CultureInfo.InvariantCulture));
            var answer = await page.Context.APIRequest.GetAsync($"/api/audit/records?action={AuditActions.AuditVerified}&from={from}&pageSize=20");
            Assert.Equal(200, answer.Status);
            using var records = JsonDocument.Parse(await answer.TextAsync());
            var verified = records.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(verified, r => r.GetProperty("userName").GetString() == Auditor && r.GetProperty("outcome").GetString() == "Success"
                && r.GetProperty("details").GetString()!.StartsWith("intact", StringComparison.Ordinal));

            await page.ClickAsync(".site-nav a[href='/audit/retention']");
            await page.WaitForURLAsync("**/audit/retention");
            Assert.Contains("180 天", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page);
        });
    }

    // Signs in (the shared helper: the login page once per account, its session afterwards) and lands on the workbench.
    private static async Task SignInAsync(IPage page, string userName)
    {
        await BrowserHost.SignInAsync(page, userName);
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);
        Assert.Equal("工作台", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    // The page at a 390-px phone's width: nothing wider than the screen; then back to the desktop.
    private static async Task FitsPhoneAsync(IPage page)
    {
        await page.SetViewportSizeAsync(390, 900);
        await BrowserHost.AssertFitsWidthAsync(page);
        await ShotAsync(page, "phone");
        await page.SetViewportSizeAsync(1280, 900);
    }

    // Screenshots for looking at the pages, when KR_SHOTS_DIR names a folder.
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("KR_SHOTS_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var path = new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-');
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"admin-{name}-{path}-{page.ViewportSize?.Width ?? 0}.png"), FullPage = true });
    }
}
