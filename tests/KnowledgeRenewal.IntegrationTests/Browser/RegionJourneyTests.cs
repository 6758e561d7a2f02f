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
        using var api = await host.ApiAsync("demo.county-admin");
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
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.FillAsync("#Name", wanted.Name);
                await page.ClickAsync("form.filters button[type=submit]");
                await page.WaitForURLAsync(url => url.Contains("Name=", StringComparison.Ordinal));
                await page.ClickAsync($"a[href='/registry/professionals/{wanted.Id}']");
                await page.WaitForURLAsync($"**/registry/professionals/{wanted.Id}");

                Assert.Equal(wanted.Name, await page.Locator("h1").InnerTextAsync());
                Assert.Equal(wanted.IdNumberMasked, (await page.Locator("[data-id-number]").InnerTextAsync()).Trim());
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                foreach (var address in new[] { "/registry/employers", "/registry/providers", "/registry/employers?sort=name&dir=desc" })
                {
                    await page.GotoAsync(address);
                    await BrowserHost.AssertAccessibleAsync(page);
                    await ShotAsync(page);
                    await BrowserHost.AssertFitsWidthAsync(page);
                }

                await page.ClickAsync("tbody a[href^='/registry/employers/']");
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            });
        }
    }

    [BrowserFact]
    public async Task The_department_admin_recommends_a_project_with_an_opinion_and_the_API_shows_it()
    {
        const string opinion = "项目方案完整，师资和经费安排合理，同意推荐。";

        // The demo provider applies for a seminar recommended by the demo health department (the provider's work, through the API).
        using var department = await host.ApiAsync("demo.department-admin");
        var me = await department.GetAsAsync<MeAnswer>("/api/me");
        using var provider = await host.ApiAsync("demo.provider-staff");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var title = $"基层卫生骨干人才知识更新研修班（{Guid.NewGuid().ToString("N")[..6]}）";
        var (created, etag) = await ProjectPlatform.CreateAsync(provider, new
        {
            title,
            type = "AdvancedSeminar",
            level = "Municipal",
            field = "Health",
            recommenderOrganizationId = me.Organization.Id,
            startDate = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            endDate = start.AddDays(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            capacity = 40,
            mode = "Offline",
            description = "面向基层医疗卫生机构的中级以上专业技术人才。",
            funding = new { municipalFen = 10_000_000L, selfRaisedFen = 2_000_000L },
            targetTitleLevel = "Intermediate",
        });
        await ProjectPlatform.StepOkAsync(provider, created, "submit", etag, new { comment = "申报" });
        var id = created;
        await host.RunAsync(nameof(The_department_admin_recommends_a_project_with_an_opinion_and_the_API_shows_it), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.department-admin");
            await page.ClickAsync(".site-menu > summary");
            await page.ClickAsync(".site-nav a[href='/reviews/projects']");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.ClickAsync($"tbody a[href='/reviews/projects/{id}']");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.FillAsync("#Comment", opinion);
            await page.ClickAsync("button[formaction*='handler=recommend']");
            await page.WaitForURLAsync($"**/reviews/projects/{id}");
            Assert.Contains("已推荐该项目", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("已推荐", (await page.Locator("[data-project-status]").InnerTextAsync()).Trim());
            Assert.Contains(opinion, await page.Locator("table.table-stack").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
        });

        using var api = await host.ApiAsync("demo.department-admin");
        var detail = await api.GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}");
        Assert.Equal("Recommended", detail.Project.Status);
        var step = detail.History.OrderBy(h => h.Sequence).Last();
        Assert.Equal(("recommend", opinion), (step.Action, step.Comment));
    }

    [BrowserFact]
    public async Task A_flagged_roster_record_approved_in_the_browser_is_approved_in_the_API()
    {
        using var api = await host.ApiAsync("demo.county-admin");
        var waiting = await api.GetAsAsync<PageAnswer<RecordAnswer>>("/api/credit-records?status=Pending&flagged=true&pageSize=100");
        Assert.True(waiting.Total >= 1, $"the demo county has {waiting.Total} flagged records waiting");
        Guid approvedId = default;
        await host.RunAsync(nameof(A_flagged_roster_record_approved_in_the_browser_is_approved_in_the_API), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.county-admin");
            await page.ClickAsync(".site-nav a[href='/reviews/records']");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            var links = page.Locator("tbody a[href^='/reviews/records/']");
            approvedId = Guid.Parse((await links.Nth(0).GetAttributeAsync("href"))!["/reviews/records/".Length..]);
            await BrowserHost.AssertFitsWidthAsync(page);

            // A rejection asks for a reason next to the field, then for a confirmation; cancelling keeps the record pending.
            await page.GotoAsync($"/reviews/records/{approvedId}");
            await page.ClickAsync("button[formaction*='handler=reject']");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.Locator("#Reason").GetAttributeAsync("aria-invalid"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await page.FillAsync("#Reason", "与同日另一班次重复，需核实。");
            await page.ClickAsync("button[formaction*='handler=reject']");
            Assert.Contains("确认驳回", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await page.ClickAsync("text=取消");
            Assert.Equal("Pending", (await api.GetAsAsync<RecordAnswer>($"/api/credit-records/{approvedId}")).Status);
            Assert.Equal(1, await page.Locator("[data-record-status]").CountAsync());
            await BrowserHost.AssertFitsWidthAsync(page);
            await page.FillAsync("#Reason", "经核实，两班次时段不重叠，予以认定。");
            await page.ClickAsync("button[formaction*='handler=approve']");
            await page.WaitForURLAsync("**/reviews/records");
            Assert.Contains("已认定", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator($"a[href='/reviews/records/{approvedId}']").CountAsync());
        });

        await host.RunAsync(nameof(A_flagged_roster_record_approved_in_the_browser_is_approved_in_the_API) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.county-admin");
            foreach (var address in new[] { "/reviews/records", $"/reviews/records/{approvedId}", "/workbench" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            }
        });

        var approved = await api.GetAsAsync<RecordAnswer>($"/api/credit-records/{approvedId}");
        Assert.Equal(("Approved", "经核实，两班次时段不重叠，予以认定。"), (approved.Status, approved.ReviewReason));
    }

    [BrowserFact]
    public async Task The_compliance_page_shows_the_numbers_of_the_APIs_summary()
    {
        using var api = await host.ApiAsync("demo.county-admin");
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
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await AssertShowsAsync(page, byEmployer);

                await page.ClickAsync("a[href*='GroupBy=department']");
                await AssertShowsAsync(page, byDepartment);
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='handler=export']"));
                Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

                await page.ClickAsync("tbody th a");
                await page.WaitForURLAsync("**/compliance/people?**");
                Assert.True(await page.Locator("tbody a[href^='/staff/']").CountAsync() > 0);
            });
        }
    }

    [BrowserFact]
    public async Task The_county_admin_drills_from_an_employer_to_its_people_filters_by_status_and_opens_a_persons_hours()
    {
        using var api = await host.ApiAsync("demo.county-admin");
        var byEmployer = await api.GetAsAsync<SummaryAnswer>("/api/compliance/summary?groupBy=employer");
        var employer = byEmployer.Groups.Where(g => g.Name is not null).OrderByDescending(g => g.People).First();
        var all = await api.GetAsAsync<PageAnswer<PersonComplianceAnswer>>($"/api/compliance/people?employerId={employer.Key}&pageSize=100");
        Assert.Equal(employer.People, all.Total);
        var status = all.Items[0].Status;
        var ofStatus = await api.GetAsAsync<PageAnswer<PersonComplianceAnswer>>($"/api/compliance/people?employerId={employer.Key}&status={status}&sort=shortfall&dir=desc&pageSize=20");
        Guid opened = default;

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(The_county_admin_drills_from_an_employer_to_its_people_filters_by_status_and_opens_a_persons_hours), width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.county-admin");
                await page.GotoAsync("/compliance?GroupBy=employer");
                await BrowserHost.AssertFitsWidthAsync(page);
                await page.ClickAsync($"[data-compliance-table] tr[data-key='{employer.Key}'] a[data-people-link]");
                await page.WaitForURLAsync("**/compliance/people?**");
                Assert.Equal($"{employer.Name}人员达标情况", await page.Locator("h1").InnerTextAsync());
                Assert.Equal(all.Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-people-total]").InnerTextAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                // Filter by status, then sort by the shortfall, largest first: the rows of the API, in its order, masked as it masks them.
                await page.SelectOptionAsync("#Status", status);
                await page.ClickAsync("form.filters button[type=submit]");
                await page.WaitForURLAsync(url => url.Contains($"Status={status}", StringComparison.Ordinal));
                await page.ClickAsync("th a.sort-link[href*='sort=shortfall']");
                await page.WaitForURLAsync(url => url.Contains("sort=shortfall", StringComparison.Ordinal));
                await page.ClickAsync("th a.sort-link[href*='sort=shortfall']");
                await page.WaitForURLAsync(url => url.Contains("dir=desc", StringComparison.Ordinal));
                Assert.Contains($"Status={status}", page.Url, StringComparison.Ordinal);
                Assert.Contains($"EmployerId={employer.Key}", page.Url, StringComparison.Ordinal);
                var rows = page.Locator("[data-people-table] tbody tr");
                Assert.Equal(ofStatus.Items.Count, await rows.CountAsync());
                for (var i = 0; i < ofStatus.Items.Count; i++)
                {
                    Assert.Equal(ofStatus.Items[i].IdNumberMasked, (await rows.Nth(i).Locator("[data-id-number]").InnerTextAsync()).Trim());
                    Assert.Equal(ofStatus.Items[i].StatusLabel, (await rows.Nth(i).Locator("[data-status]").InnerTextAsync()).Trim());
                }

                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='handler=export']"));
                Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

                var first = rows.Nth(0).Locator("a[href^='/staff/']");
                opened = Guid.Parse((await first.GetAttributeAsync("href"))!.Split('/')[2]);
                await first.ClickAsync();
                await page.WaitForURLAsync($"**/staff/{opened}/hours**");
                await BrowserHost.AssertAccessibleAsync(page);
                await ShotAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            });
        }

        Assert.Equal(ofStatus.Items[0].ProfessionalId, opened);
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

/// <summary>A credit record as the tests read it.</summary>
public sealed record RecordAnswer(Guid Id, string Status, string? ReviewReason, string? FlagDetail) : JsonAnswer;

/// <summary>One person's compliance as <c>/api/compliance/people</c> lists it.</summary>
public sealed record PersonComplianceAnswer(Guid ProfessionalId, string Name, string IdNumberMasked, string Status, string StatusLabel, decimal ShortfallHours, Guid EmployerId) : JsonAnswer;

/// <summary>A compliance summary as the tests read it.</summary>
public sealed record SummaryAnswer(int Year, string GroupBy, SummaryGroupAnswer Total, IReadOnlyList<SummaryGroupAnswer> Groups) : JsonAnswer;

/// <summary>One group of a compliance summary.</summary>
public sealed record SummaryGroupAnswer(string Key, string? Name, int People, int Met, int NotMet, int InProgress, int NoRules, decimal CountedHours, decimal ShareMet) : JsonAnswer;

/// <summary>The caller as <c>/api/me</c> tells (the organization only).</summary>
public sealed record MeAnswer(MeOrganizationAnswer Organization) : JsonAnswer;

/// <summary>An organization in brief.</summary>
public sealed record MeOrganizationAnswer(Guid Id) : JsonAnswer;
