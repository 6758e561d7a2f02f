using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Registry.Demo;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The training provider's journeys in a real browser (demo.provider-staff of 济宁医学院): register a class, finish it,
/// upload its roster and follow the job to its result — then the professional named in the roster has the credit
/// record (read through the API with the professional's own token); a class form with bad values says what is wrong
/// next to each field, in Chinese, and writes nothing.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ProviderJourneyTests(BrowserHost host)
{
    private const string Provider = "demo.provider-staff";

    /// <summary>Where screenshots of the pages go when <c>KR_SHOTS</c> names a folder (to look at them).</summary>
    private static readonly string? Shots = Environment.GetEnvironmentVariable("KR_SHOTS");

    [BrowserFact]
    public async Task The_provider_registers_and_finishes_a_class_and_uploads_its_roster_and_the_professional_has_the_record()
    {
        var title = "浏览器测试·公需科目培训班 " + Guid.NewGuid().ToString("N")[..6];
        var end = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-3);
        var start = end.AddDays(-1);
        string classId = "";
        await host.RunAsync(nameof(The_provider_registers_and_finishes_a_class_and_uploads_its_roster_and_the_professional_has_the_record), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Provider);
            await page.ClickAsync(".site-nav a[href='/classes']");
            Assert.Equal("班次管理", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "classes");

            // Register the class.
            await page.ClickAsync("a[href='/classes/new']");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.FillAsync("#Input_Title", title);
            await page.FillAsync("#Input_StartDate", Day(start));
            await page.FillAsync("#Input_EndDate", Day(end));
            await page.FillAsync("#Input_Hours", "6");
            await page.SelectOptionAsync("#Input_Category", "公需");
            await ShotAsync(page, "class-new");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/classes/[0-9a-f-]{36}$"));
            classId = page.Url.Split('/')[^1];
            Assert.Contains("已登记", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("计划中", await page.Locator("[data-class-status]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);

            // Finish it, after the confirmation on the page.
            await page.ClickAsync($"a[href='/classes/{classId}?confirm=finish']");
            Assert.Equal("确认办理结业？", await page.Locator("#confirm-finish").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("main form button[type=submit]:has-text('确认结业')");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Equal("已结业", await page.Locator("[data-class-status]").InnerTextAsync());

            // Upload the roster: the demo professional, 6 hours.
            await page.ClickAsync($"a[href='/classes/{classId}/roster']");
            Assert.Equal("上传学员名单", await page.Locator("h1").InnerTextAsync());
            Assert.Equal(1, await page.Locator("a[href='/api/classes/roster-template']").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "roster");
            var csv = $"身份证号,姓名,学时\n{DemoAccounts.ProfessionalIdNumber},{DemoRegistrySeeder.DemoProfessionalName},6\n";
            await page.SetInputFilesAsync("#File", new FilePayload { Name = "学员名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await page.ClickAsync("form[data-upload] button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains("/roster/", StringComparison.Ordinal));
            await page.WaitForSelectorAsync("[data-job-status='Completed'], [data-job-status='Rejected'], [data-job-status='Failed']", new PageWaitForSelectorOptions { Timeout = 60_000 });
            Assert.Equal("Completed", await page.Locator("#roster-progress").GetAttributeAsync("data-job-status"));
            Assert.Contains("新增 1 条", await page.Locator("#roster-progress .alert").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "roster-result");

            // The class's page lists the record with its review state.
            await page.ClickAsync($"#roster-progress a[href='/classes/{classId}']");
            Assert.Equal(1, await page.Locator("table:has(caption:has-text('本班次的学时记录')) tbody tr").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "class");
        });

        // The professional named in the roster has the record of the class.
        using var professional = await host.ApiAsync("demo.professional");
        using var records = await professional.GetFromJsonAsync<JsonDocument>($"/api/credit-records?classId={classId}");
        var record = Assert.Single(records!.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(6m, record.GetProperty("hours").GetDecimal());
        Assert.Equal(title, record.GetProperty("title").GetString());
        Assert.Contains(record.GetProperty("status").GetString(), new[] { "Approved", "Pending" });

        // At a phone's width the class's pages fit.
        await host.RunAsync(nameof(The_provider_registers_and_finishes_a_class_and_uploads_its_roster_and_the_professional_has_the_record) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Provider);
            foreach (var address in new[] { "/classes", $"/classes/{classId}", $"/classes/{classId}/roster", "/classes/new", "/workbench" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "phone" + address.Replace('/', '-'));
            }
        });
    }

    [BrowserFact]
    public async Task A_class_form_with_bad_values_says_what_is_wrong_next_to_each_field_and_writes_nothing()
    {
        var title = "浏览器测试·日期颠倒的班次 " + Guid.NewGuid().ToString("N")[..6];
        await host.RunAsync(nameof(A_class_form_with_bad_values_says_what_is_wrong_next_to_each_field_and_writes_nothing), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Provider);
            await page.GotoAsync("/classes/new");
            await page.FillAsync("#Input_Title", title);
            await page.FillAsync("#Input_StartDate", "2026-03-10");
            await page.FillAsync("#Input_EndDate", "2026-03-01");
            await page.FillAsync("#Input_Hours", "0");
            await page.SelectOptionAsync("#Input_Category", "");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.EndsWith("/classes/new", page.Url, StringComparison.Ordinal);
            Assert.Equal("结业日期不能早于开班日期。", (await page.Locator("#Input_EndDate-error").InnerTextAsync()).Replace("错误：", "", StringComparison.Ordinal).Trim());
            Assert.Equal("true", await page.Locator("#Input_EndDate").GetAttributeAsync("aria-invalid"));
            Assert.Contains("Input_EndDate-error", await page.Locator("#Input_EndDate").GetAttributeAsync("aria-describedby"), StringComparison.Ordinal);
            Assert.StartsWith("学时", (await page.Locator("#Input_Hours-error").InnerTextAsync()).Replace("错误：", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
            Assert.Contains("科目类别", await page.Locator("#Input_Category-error").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(3, await page.Locator(".error-summary li").CountAsync());
            var html = await page.ContentAsync();
            foreach (var apiName in new[] { "endDate", "startDate", "hours）", "category）" })
            {
                Assert.DoesNotContain(apiName, html, StringComparison.Ordinal);
            }

            Assert.Equal(title, await page.InputValueAsync("#Input_Title"));
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await ShotAsync(page, "class-new-errors");
        });

        using var provider = await host.ApiAsync(Provider);
        using var classes = await provider.GetFromJsonAsync<JsonDocument>("/api/classes?pageSize=100");
        Assert.DoesNotContain(classes!.RootElement.GetProperty("items").EnumerateArray(), c => c.GetProperty("title").GetString() == title);
    }

    [BrowserFact]
    public async Task A_project_application_drafted_and_submitted_in_the_browser_is_submitted()
    {
        var title = "浏览器测试·基层卫生人才高级研修 " + Guid.NewGuid().ToString("N")[..6];
        var year = Math.Min(DateTime.UtcNow.Year + 1, KnowledgeRenewal.Sdk.ProgramPeriod.LastYear);
        string projectId = "";
        await host.RunAsync(nameof(A_project_application_drafted_and_submitted_in_the_browser_is_submitted), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Provider);
            await page.ClickAsync(".site-nav a[href='/projects']");
            Assert.Equal("项目申报", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);

            await page.ClickAsync("a[href='/projects/new']");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.SelectOptionAsync("#Input_Type", "AdvancedSeminar");
            await page.FillAsync("#Input_Title", title);
            Assert.Contains("卫生健康", await page.Locator("#Input_RecommenderOrganizationId option[value='sector']").InnerTextAsync(), StringComparison.Ordinal);
            await page.SelectOptionAsync("#Input_RecommenderOrganizationId", "sector");
            await page.FillAsync("#Input_StartDate", $"{year}-05-10");
            await page.FillAsync("#Input_EndDate", $"{year}-05-14");
            await page.FillAsync("#Input_Capacity", "60");
            await ShotAsync(page, "project-new");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/projects/[0-9a-f-]{36}$"));
            projectId = page.Url.Split('/')[^1];
            Assert.Equal("Draft", await page.Locator("[data-project-status]").GetAttributeAsync("data-project-status"));
            Assert.Contains("草稿", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);

            await page.ClickAsync($"a[href='/projects/{projectId}?confirm=submit']");
            Assert.Equal("确认提交申报？", await page.Locator("#confirm-submit").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("main form button[type=submit]:has-text('确认提交')");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Equal("已申报", await page.Locator("[data-project-status]").InnerTextAsync());
            Assert.Equal(1, await page.Locator("table:has(caption:has-text('办理记录')) tbody tr").CountAsync());
            await ShotAsync(page, "project");
        });

        using var provider = await host.ApiAsync(Provider);
        using var project = await provider.GetFromJsonAsync<JsonDocument>($"/api/projects/{projectId}");
        Assert.Equal(("Submitted", title), (project!.RootElement.GetProperty("project").GetProperty("status").GetString(), project.RootElement.GetProperty("project").GetProperty("title").GetString()));

        await host.RunAsync(nameof(A_project_application_drafted_and_submitted_in_the_browser_is_submitted) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Provider);
            foreach (var address in new[] { "/projects", $"/projects/{projectId}", "/projects/new" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "phone" + address.Replace('/', '-'));
            }
        });
    }

    [BrowserFact]
    public async Task A_notice_whose_period_has_ended_shows_as_ended_without_the_objection_form()
    {
        // A demo project in notice whose period ended yesterday (set in the database: no page can move time).
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        using var notices = await anonymous.GetFromJsonAsync<JsonDocument>("/api/notices");
        var notice = notices!.RootElement.EnumerateArray().First();
        var (id, number) = (notice.GetProperty("id").GetString()!, notice.GetProperty("number").GetString()!);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await host.Database.ScalarAsync($"UPDATE {TestDatabase.Quote("Projects")} SET {TestDatabase.Quote("NoticeStart")} = '{Day(today.AddDays(-9))}', {TestDatabase.Quote("NoticeEnd")} = '{Day(today.AddDays(-1))}' WHERE {TestDatabase.Quote("Number")} = '{number}'");

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(A_notice_whose_period_has_ended_shows_as_ended_without_the_objection_form), width, async page =>
            {
                await page.GotoAsync("/notices");
                var row = page.Locator($"#notice-{id}");
                Assert.Equal("公示期满", (await row.Locator(".notice-phase").InnerTextAsync()).Trim());
                Assert.Contains("公示期已结束，不再受理异议", await row.Locator(".notice-objections").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal(0, await page.Locator($"form.objection-form option[value='{id}']").CountAsync());
                Assert.DoesNotContain("现予公示", await page.ContentAsync(), StringComparison.Ordinal);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "notices");
            });
        }

        // The API refuses an objection to it by the same rule.
        using var refused = await anonymous.PostAsJsonAsync(new Uri($"/api/notices/{id}/objections", UriKind.Relative), new { reason = "异议内容。", contactName = "钱进", contactPhone = "13600001111" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Shots is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var width = page.ViewportSize?.Width ?? 0;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }
    }
}
