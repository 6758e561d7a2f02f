using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Registry.Demo;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The digital-technology-engineer journeys in a real browser on the demo city: the demo provider (济宁医学院, a
/// training institution) records a training for the demo professional and issues its certificate; the program office,
/// for the evaluation institution 济宁技师学院 (no demo account belongs to it), records the evaluation and issues the
/// level certificate; the professional then sees all of it on /my/digital — checked against the API with the
/// professional's own token. The professional claims a training certificate's subsidy in the browser and the claim
/// exists in the API. Every page visited passes axe; the main pages fit a 390-px phone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class DigitalJourneyTests(BrowserHost host)
{
    private const string Provider = "demo.provider-staff";
    private const string Office = "demo.program-office";
    private const string Professional = "demo.professional";

    /// <summary>Where screenshots of the pages go when <c>KR_SHOTS</c> names a folder (to look at them).</summary>
    private static readonly string? Shots = Environment.GetEnvironmentVariable("KR_SHOTS");

    [BrowserFact]
    public async Task A_training_and_its_evaluation_recorded_in_the_browser_show_on_the_professionals_page()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var trainingId = "";
        var evaluationId = "";
        await host.RunAsync(nameof(A_training_and_its_evaluation_recorded_in_the_browser_show_on_the_professionals_page) + "-provider", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Provider);
            await page.ClickAsync(".site-nav a[href='/digital/trainings']");
            Assert.Equal("数字技术工程师培训", await page.Locator("h1").InnerTextAsync());
            Assert.Contains("济宁医学院", await page.Locator("dl.digital-facts").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "digital-trainings");

            await page.ClickAsync("a[href='/digital/trainings/new']");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.FillAsync("#Input_IdNumber", DemoAccounts.ProfessionalIdNumber);
            await page.FillAsync("#Input_Name", DemoRegistrySeeder.DemoProfessionalName);
            await page.SelectOptionAsync("#Input_Field", "ArtificialIntelligence");
            await page.SelectOptionAsync("#Input_Level", "Junior");
            await page.FillAsync("#Input_StartDate", Day(today.AddDays(-12)));
            await page.FillAsync("#Input_EndDate", Day(today.AddDays(-8)));
            await page.FillAsync("#Input_Hours", "48");
            await page.SelectOptionAsync("#Input_Passed", "true");
            await ShotAsync(page, "digital-training-new");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => TrainingPage().IsMatch(url));
            trainingId = page.Url.Split('/')[^1];
            Assert.Contains("已登记", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("合格", await page.Locator("[data-training-result]").InnerTextAsync());
            Assert.Equal(trainingId, await page.Locator("[data-training-id]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);

            // Issue the training-qualified certificate after the confirmation on the page.
            await page.ClickAsync($"a[href='/digital/trainings/{trainingId}?confirm=certificate']");
            Assert.Equal("确认颁发培训合格证书？", await page.Locator("#confirm-certificate").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("main form button[type=submit]:has-text('确认颁发')");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Contains("已颁发培训合格证书", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("table.digital-certificates tbody tr", new() { HasText = "培训合格证书" }).CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "digital-training");
        });

        await host.RunAsync(nameof(A_training_and_its_evaluation_recorded_in_the_browser_show_on_the_professionals_page) + "-evaluator", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.GotoAsync("/digital/evaluations/new");
            Assert.Equal("登记评价结果", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await page.SelectOptionAsync("#Input_Institution", new SelectOptionValue { Label = "济宁技师学院" });
            await page.FillAsync("#Input_Training", trainingId);
            await page.FillAsync("#Input_EvaluatedOn", Day(today.AddDays(-2)));
            await page.FillAsync("#Input_Score", "88");
            await ShotAsync(page, "digital-evaluation-new");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => EvaluationPage().IsMatch(url));
            evaluationId = page.Url.Split('/')[^1];
            Assert.Contains("已登记", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("通过", await page.Locator("[data-evaluation-result]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);

            await page.ClickAsync($"a[href='/digital/evaluations/{evaluationId}?confirm=certificate']");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("main form button[type=submit]:has-text('确认颁发')");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Contains("已颁发专业技术等级证书", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "digital-evaluation");
        });

        // The professional sees the training, the evaluation and both certificates on their own page.
        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(A_training_and_its_evaluation_recorded_in_the_browser_show_on_the_professionals_page) + "-professional", width, async page =>
            {
                await BrowserHost.SignInAsync(page, Professional);
                if (width > 390)
                {
                    await page.ClickAsync(".site-nav a[href='/my/digital']");
                    await page.WaitForURLAsync("**/my/digital");
                }
                else
                {
                    // On a phone the menu is folded: the workbench card leads to the page.
                    await page.Locator(".card", new() { HasText = "数字技术工程师" }).Locator("a[href='/my/digital']").Last.ClickAsync();
                    await page.WaitForURLAsync("**/my/digital");
                }

                Assert.Equal("数字技术工程师", await page.Locator("h1").InnerTextAsync());
                var training = page.Locator($"table.digital-trainings tr[data-training='{trainingId}']");
                Assert.Contains("人工智能", await training.InnerTextAsync(), StringComparison.Ordinal);
                Assert.Contains("济宁医学院", await training.InnerTextAsync(), StringComparison.Ordinal);
                Assert.Contains("48", await training.InnerTextAsync(), StringComparison.Ordinal);
                var evaluation = page.Locator($"table.digital-evaluations tr[data-evaluation='{evaluationId}']");
                Assert.Contains("济宁技师学院", await evaluation.InnerTextAsync(), StringComparison.Ordinal);
                Assert.Contains("88", await evaluation.InnerTextAsync(), StringComparison.Ordinal);
                Assert.Contains("通过", await evaluation.InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal(2, await page.Locator("table.digital-certificates tbody tr", new() { HasText = "人工智能 · 初级" }).CountAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "my-digital");
            });
        }

        // The same, in the data: the professional's own token reads the evaluation of that training.
        using var api = await host.ApiAsync(Professional);
        using var evaluations = await api.GetFromJsonAsync<JsonDocument>($"/api/digital-engineers/evaluations?pageSize=100");
        var recorded = Assert.Single(evaluations!.RootElement.GetProperty("items").EnumerateArray(), e => e.GetProperty("trainingId").GetString() == trainingId);
        Assert.Equal((evaluationId, 88, true, "济宁技师学院"), (recorded.GetProperty("id").GetString(), recorded.GetProperty("score").GetInt32(), recorded.GetProperty("passed").GetBoolean(), recorded.GetProperty("institutionName").GetString()));
        using var trainingJson = await api.GetFromJsonAsync<JsonDocument>($"/api/digital-engineers/trainings/{trainingId}");
        Assert.Equal((48, true, "ArtificialIntelligence", "Junior"), (trainingJson!.RootElement.GetProperty("hours").GetInt32(), trainingJson.RootElement.GetProperty("passed").GetBoolean(),
            trainingJson.RootElement.GetProperty("field").GetString(), trainingJson.RootElement.GetProperty("level").GetString()));
        using var certificates = await api.GetFromJsonAsync<JsonDocument>($"/api/digital-engineers/certificates?pageSize=100");
        Assert.Equal(2, certificates!.RootElement.GetProperty("items").EnumerateArray().Count(c => c.GetProperty("trainingId").GetString() == trainingId));

        // The provider's pages at a phone's width.
        await host.RunAsync(nameof(A_training_and_its_evaluation_recorded_in_the_browser_show_on_the_professionals_page) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Provider);
            foreach (var address in new[] { "/digital/trainings", $"/digital/trainings/{trainingId}", "/digital/trainings/new", "/digital/evaluations", "/workbench" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
                await ShotAsync(page, "phone" + address.Replace('/', '-'));
            }
        });
    }

    [BrowserFact]
    public async Task The_professional_claims_a_training_certificates_subsidy_in_the_browser_and_the_claim_exists()
    {
        const string note = "浏览器测试：申领职业培训补贴";
        var certificateId = "";
        await host.RunAsync(nameof(The_professional_claims_a_training_certificates_subsidy_in_the_browser_and_the_claim_exists), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Professional);
            var card = page.Locator(".card", new() { HasText = "可申领职业培训补贴的证书" });
            Assert.Equal(1, await card.CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await ShotAsync(page, "workbench-professional");

            await page.GotoAsync("/my/digital");
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            var claim = page.Locator("a[href^='/my/digital/claims/new?certificate=']").First;
            certificateId = (await claim.GetAttributeAsync("href"))!.Split('=')[^1];
            await claim.ClickAsync();
            await page.WaitForURLAsync("**/my/digital/claims/new?certificate=*");
            Assert.Equal("申领职业培训补贴", await page.Locator("h1").InnerTextAsync());
            Assert.EndsWith("元", await page.Locator("[data-claim-amount]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await page.FillAsync("#Input_Note", note);
            await ShotAsync(page, "my-digital-claim");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => url.EndsWith("/my/digital", StringComparison.Ordinal));
            Assert.Contains("补贴申领已提交", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator($"a[href='/my/digital/claims/new?certificate={certificateId}']").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await ShotAsync(page, "my-digital-claimed");
        });

        using var api = await host.ApiAsync(Professional);
        using var claims = await api.GetFromJsonAsync<JsonDocument>("/api/digital-engineers/subsidy-claims?pageSize=100");
        var filed = Assert.Single(claims!.RootElement.GetProperty("items").EnumerateArray(), c => c.GetProperty("certificateId").GetString() == certificateId);
        Assert.Equal("Submitted", filed.GetProperty("status").GetString());
        Assert.Equal(note, filed.GetProperty("steps")[0].GetProperty("comment").GetString());
        Assert.Equal(Professional, filed.GetProperty("steps")[0].GetProperty("by").GetString());
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

    [GeneratedRegex("/digital/trainings/[0-9a-f-]{36}$")]
    private static partial Regex TrainingPage();

    [GeneratedRegex("/digital/evaluations/[0-9a-f-]{36}$")]
    private static partial Regex EvaluationPage();
}
