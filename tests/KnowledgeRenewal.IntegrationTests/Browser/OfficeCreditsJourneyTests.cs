using System.Globalization;
using System.Net.Http.Headers;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The program office's credit-hour journeys and the system administrator's pages in a real browser on the demo city:
/// revoke a certificate and see it revoked on its public verification page, recompute a year's compliance and watch it
/// finish, read the installed modules and the platform's health — each outcome checked through the API.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OfficeCreditsJourneyTests(BrowserHost host)
{
    private const string Reason = "持证人所在单位报告其中一项培训记录系冒名参训，经核实予以作废。";

    [BrowserFact]
    public async Task The_program_office_revokes_a_certificate_with_a_reason_and_its_public_verification_shows_it_revoked()
    {
        using var api = await host.ApiAsync("demo.program-office");
        var year = DateTime.UtcNow.Year - 1;

        // A valid certificate of last year, not the demo professional's own (other journeys read theirs): the last row
        // of the first page the browser will show with the same filters.
        var mine = await OwnCertificateHoldersAsync();
        var listed = await api.GetAsAsync<PageAnswer<CertificateRow>>($"/api/certificates?year={year}&status=Valid&pageSize=20");
        var chosen = listed.Items.Last(c => !mine.Contains(c.ProfessionalId));

        await host.RunAsync(nameof(The_program_office_revokes_a_certificate_with_a_reason_and_its_public_verification_shows_it_revoked), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.program-office");
            await page.ClickAsync(".site-menu > summary");
            await page.ClickAsync(".site-nav a[href='/certificates']");
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.SelectOptionAsync("#Year", year.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#Status", "Valid");
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains("Status=Valid", StringComparison.Ordinal));
            Assert.Equal(listed.Total.ToString("N0", CultureInfo.InvariantCulture), await page.Locator("[data-certificates-total]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.ClickAsync($"a[href='/certificates/{chosen.Id}/revoke']");
            await page.WaitForURLAsync($"**/certificates/{chosen.Id}/revoke");
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            // Without a reason: the problem next to the field; with one: a confirmation first.
            await page.ClickAsync("form button.btn-danger");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.Locator("#Reason").GetAttributeAsync("aria-invalid"));
            Assert.Contains("作废理由", await page.Locator("#Reason-error").InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("reason", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);

            await page.FillAsync("#Reason", Reason);
            await page.ClickAsync("form button.btn-danger");
            Assert.Contains("确认作废学时证明", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await page.ClickAsync("button[data-confirm-revoke]");
            await page.WaitForURLAsync(url => url.Contains("/certificates?Year=", StringComparison.Ordinal));
            Assert.Contains(chosen.Number, await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);

            // The public verification page (anyone, no sign-in needed) says it is revoked.
            await page.GotoAsync($"/verify/{chosen.VerificationCode}");
            Assert.Contains("已作废", await page.Locator(".verify-validity").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
        });

        var after = await api.GetAsAsync<CertificateDetail>($"/api/certificates/{chosen.Id}");
        Assert.Equal(("Revoked", Reason), (after.Status, after.RevocationReason));
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        var verified = await anonymous.GetAsAsync<PublicCertificate>($"/api/public/certificates/{chosen.VerificationCode}");
        Assert.Equal("Revoked", verified.Status);
    }

    [BrowserFact]
    public async Task The_program_office_sees_the_flagged_records_of_the_whole_city_and_narrows_them_to_a_county()
    {
        using var api = await host.ApiAsync("demo.program-office");
        var all = await api.GetAsAsync<PageAnswer<RecordRow>>("/api/credit-records?status=Pending&flagged=true&pageSize=1");

        // A county with flagged records still waiting (other journeys review some of them).
        var region = "";
        PageAnswer<RecordRow>? county = null;
        foreach (var candidate in KnowledgeRenewal.Kernel.ReferenceData.JiningReferenceData.Regions.Select(r => r.Code))
        {
            county = await api.GetAsAsync<PageAnswer<RecordRow>>($"/api/credit-records?status=Pending&flagged=true&pageSize=1&region={candidate}");
            if (county.Total > 0)
            {
                region = candidate;
                break;
            }
        }

        Assert.True(county is { Total: > 0 } && all.Total >= county.Total, $"city {all.Total}, no county with flagged records waiting");
        await host.RunAsync(nameof(The_program_office_sees_the_flagged_records_of_the_whole_city_and_narrows_them_to_a_county), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.program-office");
            await page.ClickAsync(".site-menu > summary");
            await page.ClickAsync(".site-nav a[href='/reviews/records']");
            Assert.Equal(all.Total.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-records-total]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.SelectOptionAsync("#Region", region);
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains($"Region={region}", StringComparison.Ordinal));
            Assert.Equal(county!.Total.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-records-total]").InnerTextAsync());

            // A provider's name narrows the list to that provider's records (the region kept).
            await page.Locator("tbody td[data-label='施教机构'] a").First.ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("ProviderId=", StringComparison.Ordinal) && url.Contains($"Region={region}", StringComparison.Ordinal));
            var providerId = new Uri(page.Url).Query.Split('&').Single(q => q.Contains("ProviderId=", StringComparison.Ordinal)).Split('=')[1];
            var ofProvider = await api.GetAsAsync<PageAnswer<RecordRow>>($"/api/credit-records?status=Pending&flagged=true&pageSize=1&region={region}&providerId={providerId}");
            Assert.Equal(ofProvider.Total.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-records-total]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
        });
    }

    [BrowserFact]
    public async Task The_program_office_starts_a_recomputation_and_watches_it_finish()
    {
        var year = DateTime.UtcNow.Year - 1;
        Guid jobId = default;
        await host.RunAsync(nameof(The_program_office_starts_a_recomputation_and_watches_it_finish), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.program-office");
            await page.ClickAsync(".site-nav a[href='/compliance/recompute']");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.SelectOptionAsync("#Year", year.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#Module", "platform");
            await page.ClickAsync("form[data-recompute-form] button[type=submit]");
            await page.WaitForURLAsync("**/compliance/recompute/*");
            jobId = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
            Assert.Contains("重新计算", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);

            // The progress polls itself (htmx) until the job ends; no reload.
            await page.Locator("#recompute-progress[data-job-status='Completed']").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            Assert.Contains("重新计算已完成", await page.Locator("#recompute-progress").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.GotoAsync("/compliance/recompute");
            Assert.Contains($"/compliance/recompute/{jobId}", await page.Locator("[data-recompute-jobs]").InnerHTMLAsync(), StringComparison.Ordinal);
        });

        using var api = await host.ApiAsync("demo.program-office");
        var job = await api.GetAsAsync<RecomputeJob>($"/api/compliance/recompute/{jobId}");
        Assert.Equal(("Completed", year, "platform"), (job.Status, job.Year, job.Module));
        Assert.True(job.Processed > 0 && job.Processed == job.Total, $"processed {job.Processed} of {job.Total}");
    }

    [BrowserFact]
    public async Task The_system_administrator_sees_the_installed_modules_and_the_platforms_health()
    {
        using var api = await host.ApiAsync("demo.system-admin");
        var modules = await api.GetAsAsync<List<ModuleRow>>("/api/admin/modules");
        var health = await api.GetAsAsync<HealthAnswer>("/api/admin/health");
        Assert.NotEmpty(modules);

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(The_system_administrator_sees_the_installed_modules_and_the_platforms_health), width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.system-admin");
                Assert.Contains("系统运行状况", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                if (width == 390)
                {
                    await page.ClickAsync(".site-menu > summary");
                }

                await page.ClickAsync(".site-nav a[href='/admin/modules']");
                Assert.Equal(modules.Count.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-module-count]").InnerTextAsync());
                Assert.Equal(modules.Count, await page.Locator("[data-modules] tbody tr").CountAsync());
                foreach (var module in modules)
                {
                    var row = page.Locator($"tr[data-module='{module.Key}']");
                    Assert.Contains(module.NameZh, await row.InnerTextAsync(), StringComparison.Ordinal);
                    Assert.Contains(module.Version, await row.InnerTextAsync(), StringComparison.Ordinal);
                    Assert.Equal(module.Enabled ? "true" : "false", await row.Locator("[data-enabled]").GetAttributeAsync("data-enabled"));
                }

                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.GotoAsync("/admin/health");
                Assert.Equal("true", await page.Locator("[data-database-ready]").GetAttributeAsync("data-database-ready"));
                Assert.Equal(health.Database.Provider, await page.Locator("[data-database-provider]").InnerTextAsync());
                Assert.Equal(health.Database.PendingMigrations.Count.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-pending-migrations]").GetAttributeAsync("data-pending-migrations"));
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.GotoAsync("/admin/configuration");
                Assert.True(await page.Locator("[data-configuration-changes] tbody tr").CountAsync() >= 1);
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                // Business pages stay closed to the system administrator.
                var refused = await page.GotoAsync("/certificates");
                Assert.True(refused is null || refused.Status == 403 || page.Url.Contains("/account/denied", StringComparison.Ordinal), page.Url);
            });
        }

        Assert.True(health.Database.Ready);
    }

    private async Task<HashSet<Guid>> OwnCertificateHoldersAsync()
    {
        // The demo professional's own certificates (a professional lists only their own): other journeys read them.
        using var professional = await host.ApiAsync("demo.professional");
        var own = await professional.GetAsAsync<PageAnswer<CertificateRow>>("/api/certificates?pageSize=100");
        return [.. own.Items.Select(c => c.ProfessionalId)];
    }

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

    /// <summary>A certificate in a list.</summary>
    public sealed record CertificateRow(Guid Id, string Number, Guid ProfessionalId, int Year, string Status, string VerificationCode) : JsonAnswer;

    /// <summary>A certificate read whole.</summary>
    public sealed record CertificateDetail(Guid Id, string Status, string? RevocationReason) : JsonAnswer;

    /// <summary>Public verification.</summary>
    public sealed record PublicCertificate(string Status) : JsonAnswer;

    /// <summary>A credit record in a list.</summary>
    public sealed record RecordRow(Guid Id, string Status) : JsonAnswer;

    /// <summary>A recomputation job.</summary>
    public sealed record RecomputeJob(Guid Id, int Year, string? Module, string Status, int Total, int Processed) : JsonAnswer;

    /// <summary>An installed module.</summary>
    public sealed record ModuleRow(string Key, string NameZh, string Version, bool Enabled) : JsonAnswer;

    /// <summary>The platform's health.</summary>
    public sealed record HealthAnswer(HealthDatabase Database) : JsonAnswer;

    /// <summary>The database's health.</summary>
    public sealed record HealthDatabase(bool Ready, string Provider, IReadOnlyList<string> PendingMigrations) : JsonAnswer;
}
