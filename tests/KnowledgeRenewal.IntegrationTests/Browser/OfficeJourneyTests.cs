using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Projects;
using KnowledgeRenewal.IntegrationTests.Registry;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The program office's journeys in a real browser on the demo city: a project taken through every step of the office
/// (review, expert score, approval, public notice, an objection resolved, publication) and found on the public-notice
/// page; a base designated and its status changed — each outcome read back through the REST API.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OfficeJourneyTests(BrowserHost host)
{
    private const string Office = "demo.program-office";

    [BrowserFact]
    public async Task The_program_office_takes_a_project_through_every_step_in_the_browser_and_publishes_it_after_its_notice()
    {
        // The steps before the office (the applicant's and the recommender's, each tested in its own journey) through the API.
        using var provider = await host.ApiAsync("demo.provider-staff");
        using var department = await host.ApiAsync("demo.department-admin");
        var me = await department.GetAsAsync<MeAnswer>("/api/me");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var title = $"项目办审批全流程研修班（{Guid.NewGuid().ToString("N")[..6]}）";
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, new
        {
            title,
            type = "AdvancedSeminar",
            level = "Municipal",
            field = "Health",
            recommenderOrganizationId = me.Organization.Id,
            startDate = Day(start),
            endDate = Day(start.AddDays(4)),
            capacity = 50,
            mode = "Offline",
            description = "面向全市卫生健康系统中级以上专业技术人才的高级研修。",
            funding = new { municipalFen = 12_000_000L, selfRaisedFen = 3_000_000L },
            targetTitleLevel = "Intermediate",
        });
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
        await ProjectPlatform.StepOkAsync(department, id, "recommend", etag, new { comment = "同意推荐。" });
        var number = (await provider.GetJsonAsync($"/api/projects/{id}")).GetProperty("project").GetProperty("number").GetString()!;

        // Two experts of the pool: one works for the applicant (a conflict of interest), one elsewhere.
        using var officeApi = await host.ApiAsync(Office);
        var applicant = (await provider.GetAsAsync<MeAnswer>("/api/me")).Organization.Id;
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var (conflictedName, freeName) = ($"回避专家{suffix}", $"王振华{suffix}");
        var conflicted = await ProjectPlatform.PoolExpertAsync(officeApi, applicant, conflictedName);
        var free = await ProjectPlatform.PoolExpertAsync(officeApi, null, freeName);

        await host.RunAsync(nameof(The_program_office_takes_a_project_through_every_step_in_the_browser_and_publishes_it_after_its_notice), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.ClickAsync(".site-nav a[href='/office/projects']");
            Assert.Equal("项目审批", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);

            // Newest in the step first (the default is the longest waiting first).
            await page.ClickAsync("th a.sort-link[href*='sort=waiting']");
            await page.WaitForURLAsync(url => url.Contains("sort=waiting", StringComparison.Ordinal));
            await page.ClickAsync($"tbody a[href='/office/projects/{id}']");
            await page.WaitForURLAsync($"**/office/projects/{id}");
            Assert.Equal("Recommended", await page.Locator("[data-project-status]").GetAttributeAsync("data-project-status"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);

            await StepAsync(page, id, "start-review", comment: "材料齐全，组织专家评审。");
            Assert.Equal("UnderReview", await page.Locator("[data-project-status]").GetAttributeAsync("data-project-status"));

            // No expert score yet: approval is shown as not yet possible, with the reason.
            Assert.Contains("专家", await page.Locator("[data-action='approve'] [data-blocked]").InnerTextAsync(), StringComparison.Ordinal);
            // The expert is picked from the pool: first one working for the applicant, refused next to the field (回避).
            await page.ClickAsync("[data-action='score'] a");
            await page.FillAsync("#ExpertSearch", conflictedName);
            await page.ClickAsync("form[role=search] button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains("ExpertSearch=", StringComparison.Ordinal));
            await page.SelectOptionAsync("#ExpertId", conflicted.ToString("D"));
            await page.FillAsync("#Score", "70");
            await page.ClickAsync("#act form[method=post] button[type=submit]");
            await page.WaitForSelectorAsync(".form-field-error #ExpertId");
            Assert.Contains("须回避", await page.Locator(".form-field-error").First.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("UnderReview", await page.Locator("[data-project-status]").GetAttributeAsync("data-project-status"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);

            await page.GotoAsync($"/office/projects/{id}?act=score");
            await page.SelectOptionAsync("#ExpertId", free.ToString("D"));
            await page.FillAsync("#Score", "88");
            await page.FillAsync("#Comment", "选题紧扣需求，师资较强。");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await page.ClickAsync("#act form[method=post] button[type=submit]");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Contains(freeName, await page.Locator("[data-reviews]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("88.0", await page.Locator("[data-average-score]").InnerTextAsync());

            await StepAsync(page, id, "approve", comment: "经专家评审，同意立项。");
            Assert.Equal("Approved", await page.Locator("[data-project-status]").GetAttributeAsync("data-project-status"));
            await StepAsync(page, id, "start-notice");
            Assert.Equal("PublicNotice", await page.Locator("[data-project-status]").GetAttributeAsync("data-project-status"));
            Assert.Contains("公示期满后方可发布", await page.Locator("[data-action='publish'] [data-blocked]").InnerTextAsync(), StringComparison.Ordinal);

            // The project is on the public-notice page.
            await page.GotoAsync("/notices");
            Assert.Contains(title, await page.Locator($"#notice-{id}").InnerTextAsync(), StringComparison.Ordinal);
        });

        // The data: one review, naming the pool's free expert by id with the name kept as a snapshot; none by the conflicted one.
        var reviews = (await officeApi.GetJsonAsync($"/api/projects/{id}")).GetProperty("reviews").EnumerateArray().ToList();
        var review = Assert.Single(reviews);
        Assert.Equal(free, review.GetProperty("expertId").GetGuid());
        Assert.Equal(freeName, review.GetProperty("expertName").GetString());
        Assert.Equal(88, review.GetProperty("score").GetInt32());

        // Someone objects while the notice is open (set in the database: the notice begins on the next working day), and
        // the notice ends (no page can move time).
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await SetNoticeAsync(number, today.AddDays(-1), today.AddDays(3));
        using (var anonymous = new HttpClient { BaseAddress = host.Address })
        {
            using var filed = await anonymous.PostAsJsonAsync(new Uri($"/api/notices/{id}/objections", UriKind.Relative), new { reason = "该项目师资名单中有人已调离。", contactName = "钱进", contactPhone = "13600001111" });
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        await SetNoticeAsync(number, today.AddDays(-9), today.AddDays(-1));

        await host.RunAsync(nameof(The_program_office_takes_a_project_through_every_step_in_the_browser_and_publishes_it_after_its_notice) + "-publish", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.GotoAsync($"/office/projects/{id}");
            Assert.Contains("尚未处理", await page.Locator("[data-action='publish'] [data-blocked]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await ShotAsync(page);

            await page.ClickAsync("[data-objections] a:has-text('处理')");
            Assert.Contains("钱进", await page.Locator("#resolve").InnerTextAsync(), StringComparison.Ordinal);
            await page.CheckAsync("input[name=Decision][value=dismiss]");
            await page.FillAsync("#Resolution", "经核实，该教师已由其他专家替换，异议不成立。");
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await ShotAsync(page);
            await page.ClickAsync("#resolve button[type=submit]");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Contains("异议不成立", await page.Locator("[data-objections]").InnerTextAsync(), StringComparison.Ordinal);

            await StepAsync(page, id, "publish", comment: "公示期满无异议，予以发布。");
            Assert.Equal("Published", await page.Locator("[data-project-status]").GetAttributeAsync("data-project-status"));
            Assert.Equal(1, await page.Locator("[data-no-actions]").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            foreach (var address in new[] { "/office/projects", "/office/projects?Overdue=true", "/workbench" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page);
            }
        });

        var detail = await provider.GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}");
        Assert.Equal("Published", detail.Project.Status);
        Assert.Equal(88m, detail.AverageScore);
        var office = detail.History.OrderBy(h => h.Sequence).Skip(2).Select(h => (h.Action, h.ActorName)).ToArray();
        Assert.Equal([("start-review", Office), ("score", Office), ("approve", Office), ("start-notice", Office), ("publish", Office)], office);
        Assert.Equal("经专家评审，同意立项。", detail.History.Single(h => h.Action == "approve").Comment);
        var objection = Assert.Single(await provider.GetAsAsync<IReadOnlyList<ObjectionAnswer>>($"/api/projects/{id}/objections"));
        Assert.Equal(("异议不成立", "经核实，该教师已由其他专家替换，异议不成立。"), (objection.StatusName, objection.Resolution));
    }

    [BrowserFact]
    public async Task The_program_office_designates_a_base_and_changes_its_status_in_the_browser()
    {
        using var provider = await host.ApiAsync("demo.provider-staff");
        var organization = (await provider.GetAsAsync<MeAnswer>("/api/me")).Organization.Id;
        var name = $"济宁市专业技术人员继续教育基地（浏览器测试 {Guid.NewGuid().ToString("N")[..6]}）";
        var baseId = "";
        await host.RunAsync(nameof(The_program_office_designates_a_base_and_changes_its_status_in_the_browser), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.ClickAsync(".site-nav a[href='/registry/bases']");
            Assert.Equal("继续教育基地", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);

            await page.ClickAsync("a[href='/registry/bases/new']");
            await BrowserHost.AssertAccessibleAsync(page);

            // Without a name or level: both asked for next to their fields.
            await page.ClickAsync("main form[method=post] button[type=submit]");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.Locator("#Input_Name").GetAttributeAsync("aria-invalid"));
            Assert.Equal("true", await page.Locator("#Input_Level").GetAttributeAsync("aria-invalid"));
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);

            await page.FillAsync("#Provider", KnowledgeRenewal.Registry.Demo.DemoOrganizations.DemoProvider);
            await page.ClickAsync("form[role=search] button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains("Provider=", StringComparison.Ordinal));
            await page.SelectOptionAsync("#Input_OrganizationId", organization.ToString());
            await page.FillAsync("#Input_Name", name);
            await page.SelectOptionAsync("#Input_Level", "市级");
            await page.ClickAsync("main form[method=post] button[type=submit]");
            await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/registry/bases/[0-9a-f-]{36}$"));
            baseId = page.Url.Split('/')[^1];
            Assert.Contains("已认定", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("Active", await page.Locator("[data-base-status]").GetAttributeAsync("data-base-status"));
            await BrowserHost.AssertAccessibleAsync(page);

            await page.ClickAsync($"a[href='/registry/bases/{baseId}/edit']");
            await page.SelectOptionAsync("#Input_Status", "整改考核中");
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await page.ClickAsync("main form[method=post] button[type=submit]");
            await page.WaitForURLAsync($"**/registry/bases/{baseId}");
            Assert.Equal("UnderReview", await page.Locator("[data-base-status]").GetAttributeAsync("data-base-status"));

            // A revocation asks for a confirmation first.
            await page.ClickAsync($"a[href='/registry/bases/{baseId}/edit']");
            await page.SelectOptionAsync("#Input_Status", "已撤销");
            await page.ClickAsync("main form[method=post] button[type=submit]");
            Assert.Contains("确认撤销", await page.Locator("#confirm-revoke").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page);
            await page.ClickAsync("button:has-text('确认撤销')");
            await page.WaitForURLAsync($"**/registry/bases/{baseId}");
            Assert.Equal("Revoked", await page.Locator("[data-base-status]").GetAttributeAsync("data-base-status"));

            await page.GotoAsync("/registry/bases?Status=%E5%B7%B2%E6%92%A4%E9%94%80");
            Assert.Equal("已撤销", (await page.Locator($"tr[data-base='{baseId}'] [data-base-status]").InnerTextAsync()).Trim());
        });

        await host.RunAsync(nameof(The_program_office_designates_a_base_and_changes_its_status_in_the_browser) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            foreach (var address in new[] { "/registry/bases", $"/registry/bases/{baseId}", $"/registry/bases/{baseId}/edit", "/registry/bases/new" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page);
            }
        });

        using var api = await host.ApiAsync(Office);
        var designation = await api.GetAsAsync<EducationBaseAnswer>($"/api/registry/education-bases/{baseId}");
        Assert.Equal((organization, "Municipal", "Revoked"), (designation.OrganizationId, designation.Level, designation.Status));
    }

    private static async Task StepAsync(IPage page, Guid id, string action, string? comment = null)
    {
        await page.ClickAsync($"[data-action='{action}'] a");
        await page.WaitForURLAsync($"**/office/projects/{id}?act={action}**");
        if (comment is not null)
        {
            await page.FillAsync("#Comment", comment);
        }

        await page.ClickAsync("#act button[type=submit]");
        await page.WaitForSelectorAsync(".banner-success");
        await ShotAsync(page);
    }

    private Task SetNoticeAsync(string number, DateOnly start, DateOnly end) =>
        host.Database.ScalarAsync($"UPDATE {TestDatabase.Quote("Projects")} SET {TestDatabase.Quote("NoticeStart")} = '{Day(start)}', {TestDatabase.Quote("NoticeEnd")} = '{Day(end)}' WHERE {TestDatabase.Quote("Number")} = '{number}'");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"office-{name}-{width}-{Environment.TickCount64}.png"), FullPage = true });
    }
}
