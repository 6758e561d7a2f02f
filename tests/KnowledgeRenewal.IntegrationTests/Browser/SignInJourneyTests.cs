using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// Signing in with two factors in a real browser: the password once, then the code alone — a wrong code is said next
/// to the field, the right one lands on the workbench — and the audit log holds both attempts.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SignInJourneyTests(BrowserHost host)
{
    [BrowserFact]
    public async Task An_administrator_signs_in_with_the_password_and_then_the_code_alone()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var signedIn = new List<Guid>();
        // A used code is refused afterwards: each width signs in a different account.
        var accounts = new Dictionary<int, string> { [1280] = "demo.program-office", [390] = "demo.security-admin" };
        foreach (var width in BrowserHost.Widths)
        {
            var userName = accounts[width];
            var key = DemoAccounts.AuthenticatorKeyFor(userName);
            await host.RunAsync(nameof(An_administrator_signs_in_with_the_password_and_then_the_code_alone), width, async page =>
            {
                await page.GotoAsync("/account/login");
                await page.FillAsync("#login", userName);
                await page.FillAsync("#password", DemoAccounts.Password);
                await page.ClickAsync("form.auth-form button[type=submit]");
                await page.WaitForURLAsync("**/account/login/code");

                Assert.Equal("输入验证码", await page.Locator("h1").InnerTextAsync());
                Assert.Equal(0, await page.Locator("input[type=password]").CountAsync());
                Assert.Equal("one-time-code", await page.Locator("#Code").GetAttributeAsync("autocomplete"));
                Assert.Equal("numeric", await page.Locator("#Code").GetAttributeAsync("inputmode"));
                await ShotAsync(page, "code");
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.FillAsync("#Code", WrongCode(key));
                await page.ClickAsync("form.auth-form button[type=submit]");
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

                Assert.EndsWith("/account/login/code", page.Url, StringComparison.Ordinal);
                Assert.Contains("验证码错误", await page.Locator("#Code-error").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal("true", await page.Locator("#Code").GetAttributeAsync("aria-invalid"));
                await ShotAsync(page, "wrong-code");
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.FillAsync("#Code", await BrowserHost.UnusedCodeAsync(userName));
                await page.ClickAsync("form.auth-form button[type=submit]");
                await page.WaitForURLAsync("**/workbench");

                Assert.Equal("工作台", await page.Locator("h1").InnerTextAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                var me = await page.Context.APIRequest.GetAsync("/api/me");
                Assert.Equal(200, me.Status);
                using var answer = JsonDocument.Parse(await me.TextAsync());
                Assert.Equal(userName, answer.RootElement.GetProperty("userName").GetString());
                signedIn.Add(answer.RootElement.GetProperty("userId").GetGuid());
            });
        }

        // The audit log, read by the audit administrator through the API: a wrong code and a sign-in for each.
        using var api = await host.ApiAsync("demo.audit-admin");
        foreach (var userId in signedIn)
        {
            var from = Uri.EscapeDataString(started.ToString("O", CultureInfo.InvariantCulture));
            using var records = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/audit/records?action={AuditActions.SignIn}&entityType=PlatformUser&from={from}&pageSize=200", UriKind.Relative)));
            var items = records.RootElement.GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("entityKey").GetString() == userId.ToString())
                .Select(r => (Outcome: r.GetProperty("outcome").GetString(), Details: r.TryGetProperty("details", out var d) ? d.GetString() : null))
                .ToList();
            Assert.Contains(items, r => r.Outcome == "Failure" && r.Details == "wrong TOTP code");
            Assert.Contains(items, r => r.Outcome == "Success");
        }
    }

    // A six-digit code valid in none of the windows the platform accepts around now.
    private static string WrongCode(string key)
    {
        var step = AuthenticatorCode.StepOf(DateTimeOffset.UtcNow);
        var valid = Enumerable.Range(-3, 7).Select(i => AuthenticatorCode.ComputeForStep(key, step + i)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 100).Select(i => ((123457 + (i * 7919)) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    // Screenshots for looking at the pages, when KR_SHOTS_DIR names a folder.
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("KR_SHOTS_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"signin-{name}-{page.ViewportSize?.Width ?? 0}.png"), FullPage = true });
    }
}
