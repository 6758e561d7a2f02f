using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Projects;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// Base supervision in a real browser on the demo city: the program office approves a base-construction project and
/// finds the base designated, reads a base's scorecard and follows an indicator to its records; a professional rates
/// a finished class and the program office sees the evaluation counted on the base's scorecard — each outcome read
/// back through the API.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class SupervisionBasesJourneyTests(BrowserHost host)
{
    private const string Office = "demo.program-office";

    [BrowserFact]
    public async Task The_program_office_designates_a_base_from_an_approved_project_and_follows_a_scorecard_indicator_to_its_records()
    {
        using var provider = await host.ApiAsync("demo.provider-staff");
        using var department = await host.ApiAsync("demo.department-admin");
        using var office = await host.ApiAsync(Office);
        var me = await department.GetAsAsync<MeAnswer>("/api/me");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        var title = $"济宁市专业技术人员继续教育基地（{Guid.NewGuid().ToString("N")[..6]}）";
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, new
        {
            title,
            type = "BaseConstruction",
            level = "Municipal",
            field = "Health",
            recommenderOrganizationId = me.Organization.Id,
            startDate = Day(start),
            endDate = Day(start.AddDays(300)),
            capacity = 1000,
            mode = "Offline",
            description = "建设面向卫生健康系统的市级专业技术人员继续教育基地。",
            funding = new { municipalFen = 30_000_000L, selfRaisedFen = 10_000_000L },
        });
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(department, id, "recommend", etag, new { comment = "同意推荐。" });
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "start-review", etag);
        await ProjectPlatform.StepOkAsync(office, id, "score", etag, await ProjectPlatform.ScoreAsync(office, 88));

        await host.RunAsync(nameof(The_program_office_designates_a_base_from_an_approved_project_and_follows_a_scorecard_indicator_to_its_records), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            Assert.Contains("继续教育基地考核", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await page.GotoAsync($"/office/projects/{id}");
            await page.ClickAsync("[data-action='approve'] a");
            await page.WaitForURLAsync($"**/office/projects/{id}?act=approve**");
            await page.FillAsync("#Comment", "经专家评审，同意认定为市级继续教育基地。");
            await page.ClickAsync("#act button[type=submit]");
            await page.WaitForSelectorAsync(".banner-success");

            // The base is designated: listed under supervision, its page with the designation from the project.
            await page.ClickAsync(".site-nav a[href='/supervision/bases']");
            await page.WaitForURLAsync("**/supervision/bases");
            await BrowserHost.AssertAccessibleAsync(page);
            await Shots.TakeAsync(page, "bases-list");
            await page.GotoAsync("/supervision/bases?Level=Municipal");
            await page.ClickAsync($"[data-bases] a:text-is('{title}')");
            await page.WaitForURLAsync("**/supervision/bases/*");
            Assert.Contains($"/office/projects/{id}", await page.Locator("[data-designations]").InnerHTMLAsync(), StringComparison.Ordinal);
            Assert.Equal("有效", (await page.Locator("[data-base-status]").InnerTextAsync()).Trim());
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page, "base");

            // A demo base's scorecard: follow the people-trained indicator to the records it counts.
            await page.GotoAsync("/supervision/bases?Level=Provincial");
            await page.Locator("[data-bases] td[data-label='基地'] a").First.ClickAsync();
            await page.WaitForURLAsync("**/supervision/bases/*");
            var baseUrl = new Uri(page.Url).AbsolutePath;
            await page.ClickAsync("[data-scorecard-link='2025']");
            await page.WaitForURLAsync("**/scorecards/2025");
            var trainees = int.Parse(Digits().Replace(await page.Locator("[data-indicator='trainees'] a").InnerTextAsync(), ""), CultureInfo.InvariantCulture);
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page, "scorecard");
            await page.ClickAsync("[data-indicator='trainees'] a");
            await page.WaitForURLAsync("**/scorecards/2025/trainees");
            Assert.Equal("培训人数：计入的记录", (await page.Locator("h1").InnerTextAsync()).Trim());
            if (trainees > 0)
            {
                var total = int.Parse(Digits().Replace(await page.Locator("[data-records-total]").InnerTextAsync(), ""), CultureInfo.InvariantCulture);
                Assert.True(total >= trainees, $"{total} records for {trainees} people");
            }

            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page, "records");

            // The API says the same: the new base has a designation from the project.
            var bases = await office.GetJsonAsync("/api/supervision/bases?level=Municipal&pageSize=100");
            var baseId = bases.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("name").GetString() == title).GetProperty("id").GetGuid();
            var detail = await office.GetJsonAsync($"/api/supervision/bases/{baseId}");
            Assert.Equal(id, detail.GetProperty("designations")[0].GetProperty("projectId").GetGuid());
            Assert.NotEmpty(baseUrl);
        });
    }

    [BrowserFact]
    public async Task A_professional_rates_a_finished_class_and_the_program_office_sees_it_on_the_base_scorecard()
    {
        using var professional = await host.ApiAsync("demo.professional");
        var classes = await professional.GetJsonAsync("/api/supervision/my/classes");
        var open = classes.EnumerateArray().Where(c => c.GetProperty("ended").GetBoolean() && !c.GetProperty("rated").GetBoolean()).ToList();
        Assert.NotEmpty(open);
        var classId = open[0].GetProperty("classId").GetGuid();

        await host.RunAsync(nameof(A_professional_rates_a_finished_class_and_the_program_office_sees_it_on_the_base_scorecard), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.professional");
            await page.ClickAsync(".site-nav a[href='/my/evaluations']");
            await page.WaitForURLAsync("**/my/evaluations");
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page, "my-evaluations");
            await page.ClickAsync($"[data-class='{classId}'] a[data-rate]");
            await page.WaitForURLAsync($"**/my/evaluations/{classId}");

            // Nothing chosen: the error summary names each rating.
            await page.ClickAsync("form.form-narrow button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator(".error-summary").CountAsync());
            Assert.Contains("请为课程内容选择 1 至 5 分", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);

            await page.SelectOptionAsync("#Content", "5");
            await page.SelectOptionAsync("#Teacher", "4");
            await page.SelectOptionAsync("#Organization", "5");
            await page.SelectOptionAsync("#Usefulness", "4");
            await page.FillAsync("#Comment", "课程贴近临床，希望多一些病例讨论。");
            await FitsPhoneAsync(page, "rate");
            await page.ClickAsync("form.form-narrow button[type=submit]");
            await page.WaitForURLAsync("**/my/evaluations");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Contains("已评价", await page.Locator($"[data-class='{classId}']").InnerTextAsync(), StringComparison.Ordinal);
        });

        // The program office reads the evaluation on the class's page and on its base's scorecard.
        using var office = await host.ApiAsync(Office);
        var evaluations = await office.GetJsonAsync($"/api/supervision/classes/{classId}/evaluations");
        Assert.Contains("课程贴近临床，希望多一些病例讨论。", evaluations.GetProperty("comments").Strings(""));
        var count = evaluations.GetProperty("aggregate").GetProperty("count").GetInt32();
        Assert.True(count >= 1);

        await host.RunAsync(nameof(A_professional_rates_a_finished_class_and_the_program_office_sees_it_on_the_base_scorecard) + "_office", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.GotoAsync($"/supervision/evaluations/{classId}");
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), (await page.Locator("[data-evaluations]").InnerTextAsync()).Trim());
            Assert.Contains("课程贴近临床", await page.Locator("[data-comments]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await FitsPhoneAsync(page, "class-evaluations");
        });
    }

    private static async Task FitsPhoneAsync(IPage page, string name)
    {
        await Shots.TakeAsync(page, name);
        await page.SetViewportSizeAsync(390, 900);
        await BrowserHost.AssertFitsWidthAsync(page);
        await Shots.TakeAsync(page, name + "-phone");
        await page.SetViewportSizeAsync(1280, 900);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[^\d]")]
    private static partial Regex Digits();

    private static class Shots
    {
        public static async Task TakeAsync(IPage page, string name)
        {
            if (Environment.GetEnvironmentVariable("KR_SHOTS_DIR") is not { Length: > 0 } folder)
            {
                return;
            }

            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"bases-{name}-{page.ViewportSize?.Width ?? 0}.png"), FullPage = true });
        }
    }
}
