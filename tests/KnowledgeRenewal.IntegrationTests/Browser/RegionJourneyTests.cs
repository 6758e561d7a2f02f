using System.Net.Http.Headers;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Projects;
using KnowledgeRenewal.IntegrationTests.Registry;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The county bureau's and the line department's journeys in a real browser on the demo city: find a person of the
/// region, act on what waits for review, read the compliance — each outcome checked in the data through the API.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RegionJourneyTests(BrowserHost host)
{
    [BrowserFact]
    public async Task The_county_admin_finds_a_person_of_the_county_by_name_and_sees_the_ID_number_masked_as_the_API_does()
    {
        using var api = await ApiAsync("demo.county-admin");
        var listed = await api.GetAsAsync<PageAnswer<ProfessionalAnswer>>("/api/registry/professionals?pageSize=1&page=3");
        var wanted = Assert.Single(listed.Items);
        Assert.Equal("370811", wanted.RegionCode);

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(The_county_admin_finds_a_person_of_the_county_by_name_and_sees_the_ID_number_masked_as_the_API_does), width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.county-admin");
                if (width == 390)
                {
                    await page.ClickAsync(".site-menu > summary");
                }

                await page.ClickAsync(".site-nav a[href='/registry/professionals']");
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.FillAsync("#Name", wanted.Name);
                await page.ClickAsync("form.filters button[type=submit]");
                await page.WaitForURLAsync(url => url.Contains("Name=", StringComparison.Ordinal));
                await page.ClickAsync($"a[href='/registry/professionals/{wanted.Id}']");
                await page.WaitForURLAsync($"**/registry/professionals/{wanted.Id}");

                Assert.Equal(wanted.Name, await page.Locator("h1").InnerTextAsync());
                Assert.Equal(wanted.IdNumberMasked, (await page.Locator("[data-id-number]").InnerTextAsync()).Trim());
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                foreach (var address in new[] { "/registry/employers", "/registry/providers", "/registry/employers?sort=name&dir=desc" })
                {
                    await page.GotoAsync(address);
                    await BrowserHost.AssertAccessibleAsync(page);
                    await BrowserHost.AssertFitsWidthAsync(page);
                }

                await page.ClickAsync("tbody a[href^='/registry/employers/']");
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            });
        }
    }

    [BrowserFact]
    public async Task The_department_admin_recommends_a_project_with_an_opinion_and_the_API_shows_it()
    {
        const string opinion = "项目方案完整，师资和经费安排合理，同意推荐。";
        Guid id = default;
        await host.RunAsync(nameof(The_department_admin_recommends_a_project_with_an_opinion_and_the_API_shows_it), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.department-admin");
            await page.ClickAsync(".site-menu > summary");
            await page.ClickAsync(".site-nav a[href='/reviews/projects']");
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            var first = page.Locator("tbody a[href^='/reviews/projects/']").First;
            id = Guid.Parse((await first.GetAttributeAsync("href"))!["/reviews/projects/".Length..]);
            await first.ClickAsync();
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.FillAsync("#Comment", opinion);
            await page.ClickAsync("button[formaction*='handler=recommend']");
            await page.WaitForURLAsync($"**/reviews/projects/{id}");
            Assert.Contains("已推荐该项目", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("已推荐", (await page.Locator("[data-project-status]").InnerTextAsync()).Trim());
            Assert.Contains(opinion, await page.Locator("table.table-stack").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
        });

        using var api = await ApiAsync("demo.department-admin");
        var detail = await api.GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}");
        Assert.Equal("Recommended", detail.Project.Status);
        var step = detail.History.OrderBy(h => h.Sequence).Last();
        Assert.Equal(("recommend", opinion), (step.Action, step.Comment));
    }

    [BrowserFact]
    public async Task A_flagged_roster_record_approved_in_the_browser_is_approved_in_the_API()
    {
        using var api = await ApiAsync("demo.county-admin");
        var waiting = await api.GetAsAsync<PageAnswer<RecordAnswer>>("/api/credit-records?status=Pending&flagged=true&pageSize=100");
        Assert.True(waiting.Total >= 2, $"the demo county has {waiting.Total} flagged records waiting");
        Guid approvedId = default;
        Guid kept = default;
        await host.RunAsync(nameof(A_flagged_roster_record_approved_in_the_browser_is_approved_in_the_API), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.county-admin");
            await page.ClickAsync(".site-nav a[href='/reviews/records']");
            await BrowserHost.AssertAccessibleAsync(page);
            var links = page.Locator("tbody a[href^='/reviews/records/']");
            approvedId = Guid.Parse((await links.Nth(0).GetAttributeAsync("href"))!["/reviews/records/".Length..]);
            kept = Guid.Parse((await links.Nth(1).GetAttributeAsync("href"))!["/reviews/records/".Length..]);

            // A rejection asks for a reason next to the field, then for a confirmation; cancelling keeps the record pending.
            await page.GotoAsync($"/reviews/records/{kept}");
            await page.ClickAsync("button[formaction*='handler=reject']");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.Locator("#Reason").GetAttributeAsync("aria-invalid"));
            await BrowserHost.AssertAccessibleAsync(page);
            await page.FillAsync("#Reason", "与同日另一班次重复，需核实。");
            await page.ClickAsync("button[formaction*='handler=reject']");
            Assert.Contains("确认驳回", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
            await page.ClickAsync("text=取消");

            await page.GotoAsync($"/reviews/records/{approvedId}");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.FillAsync("#Reason", "经核实，两班次时段不重叠，予以认定。");
            await page.ClickAsync("button[formaction*='handler=approve']");
            await page.WaitForURLAsync("**/reviews/records");
            Assert.Contains("已认定", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator($"a[href='/reviews/records/{approvedId}']").CountAsync());
        });

        await host.RunAsync(nameof(A_flagged_roster_record_approved_in_the_browser_is_approved_in_the_API) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.county-admin");
            foreach (var address in new[] { "/reviews/records", $"/reviews/records/{kept}", "/workbench" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            }
        });

        var approved = await api.GetAsAsync<RecordAnswer>($"/api/credit-records/{approvedId}");
        Assert.Equal(("Approved", "经核实，两班次时段不重叠，予以认定。"), (approved.Status, approved.ReviewReason));
        Assert.Equal("Pending", (await api.GetAsAsync<RecordAnswer>($"/api/credit-records/{kept}")).Status);
    }

    [BrowserFact]
    public async Task The_compliance_page_shows_the_numbers_of_the_APIs_summary()
    {
        using var api = await ApiAsync("demo.county-admin");
        var byEmployer = await api.GetAsAsync<SummaryAnswer>("/api/compliance/summary?groupBy=employer");
        var byDepartment = await api.GetAsAsync<SummaryAnswer>("/api/compliance/summary?groupBy=department");
        Assert.True(byEmployer.Total.People > 0, "the demo county has compliance rows");

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(The_compliance_page_shows_the_numbers_of_the_APIs_summary), width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.county-admin");
                if (width == 390)
                {
                    await page.ClickAsync(".site-menu > summary");
                }

                await page.ClickAsync(".site-nav a[href='/compliance']");
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await AssertShowsAsync(page, byEmployer);

                await page.ClickAsync("a[href*='GroupBy=department']");
                await AssertShowsAsync(page, byDepartment);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='handler=export']"));
                Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

                await page.ClickAsync("tbody th a");
                await page.WaitForURLAsync("**/registry/professionals?**");
                Assert.True(await page.Locator("tbody a[href^='/registry/professionals/']").CountAsync() > 0);
            });
        }
    }

    private static async Task AssertShowsAsync(IPage page, SummaryAnswer summary)
    {
        Assert.Equal(summary.Total.People.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-total-people]").InnerTextAsync());
        Assert.Equal(summary.Total.Met.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-total-met]").InnerTextAsync());
        Assert.Equal(summary.Groups.Count, await page.Locator("[data-compliance-table] tbody tr").CountAsync());
        foreach (var group in summary.Groups)
        {
            var row = page.Locator($"[data-compliance-table] tbody tr[data-key='{group.Key}']");
            Assert.Equal(group.People.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await row.Locator("[data-people]").InnerTextAsync());
            Assert.Equal(group.Met.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await row.Locator("[data-met]").InnerTextAsync());
            Assert.Equal(group.NotMet.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await row.Locator("[data-not-met]").InnerTextAsync());
        }
    }

    /// <summary>An API client with a bearer token of a demo account (its current two-factor code when it needs one).</summary>
    private async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = host.Address };
        var key = DemoAccounts.All.Single(a => a.UserName == userName).AuthenticatorKey;
        using var grant = TestAccounts.PasswordGrant(userName, DemoAccounts.Password, key is null ? null : AuthenticatorCode.Compute(key, DateTimeOffset.UtcNow));
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), grant);
        var token = await response.ReadAsAsync<TokenAnswer>(System.Net.HttpStatusCode.OK, $"token for {userName}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}

/// <summary>A credit record as the tests read it.</summary>
public sealed record RecordAnswer(Guid Id, string Status, string? ReviewReason, string? FlagDetail) : JsonAnswer;

/// <summary>A compliance summary as the tests read it.</summary>
public sealed record SummaryAnswer(int Year, string GroupBy, SummaryGroupAnswer Total, IReadOnlyList<SummaryGroupAnswer> Groups) : JsonAnswer;

/// <summary>One group of a compliance summary.</summary>
public sealed record SummaryGroupAnswer(string Key, string? Name, int People, int Met, int NotMet, int InProgress, int NoRules, decimal CountedHours, decimal ShareMet) : JsonAnswer;
