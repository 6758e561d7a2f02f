using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The professional's journeys in a real browser on the demo city, each checked against the data through the REST API:
/// my hours and what is missing (as the compliance API explains it), the transcript download, issuing this year's
/// certificate and verifying it, and the declaration pages (paging, post → redirect → get, people's names, file types).
/// Every page visited passes axe and fits a 390-px phone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class ProfessionalJourneyTests(BrowserHost host)
{
    private const string Professional = "demo.professional";

    [BrowserFact]
    public async Task The_professional_sees_their_hours_and_the_shortfall_the_compliance_API_explains()
    {
        using var api = await host.ApiAsync(Professional);
        var id = await OwnIdAsync(api);
        using var compliance = await JsonAsync(api, $"/api/professionals/{id}/compliance");
        var thisYear = compliance.RootElement.GetProperty("year").GetInt32();
        var missing = compliance.RootElement.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
        var status = compliance.RootElement.GetProperty("statusLabel").GetString()!;
        using var transcript = await JsonAsync(api, $"/api/professionals/{id}/transcript");
        int RecordsOf(int year) => transcript.RootElement.GetProperty("years").EnumerateArray()
            .Where(y => y.GetProperty("year").GetInt32() == year).Sum(y => y.GetProperty("records").GetArrayLength());
        Assert.True(RecordsOf(thisYear) > 0, "the demo professional has records this year");

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(The_professional_sees_their_hours_and_the_shortfall_the_compliance_API_explains), width, async page =>
            {
                await BrowserHost.SignInAsync(page, Professional);
                var card = page.Locator(".card", new() { HasText = "我的学时" });
                Assert.Equal(1, await card.CountAsync());
                foreach (var line in missing)
                {
                    Assert.Contains(line, await card.InnerTextAsync(), StringComparison.Ordinal);
                }

                await BrowserHost.AssertAccessibleAsync(page);
                await card.Locator("a", new() { HasText = "查看我的学时和记录" }).ClickAsync();
                await page.WaitForURLAsync("**/my/hours");

                Assert.Contains(status, await page.Locator("#summary-title").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal(missing, await page.Locator(".my-missing li").AllInnerTextsAsync());
                Assert.Equal(RecordsOf(thisYear), await page.Locator("table.my-records tbody tr").CountAsync());
                Assert.True(await page.Locator("table.my-records tbody tr", new() { HasText = "施教机构" }).CountAsync()
                    + await page.Locator("table.my-records a", new() { HasText = "查看申报" }).CountAsync() > 0, "records name their source");
                await Shot(page, "my-hours", width);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                // An earlier year, chosen in the form (kept in the address).
                var lastYear = (thisYear - 1).ToString(CultureInfo.InvariantCulture);
                await page.SelectOptionAsync("#year", lastYear);
                await page.ClickAsync("form.my-year button[type=submit]");
                await page.WaitForURLAsync($"**/my/hours?year={lastYear}");
                Assert.Equal(RecordsOf(thisYear - 1), await page.Locator("table.my-records tbody tr").CountAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                // My data (masked) from the menu.
                await page.GotoAsync("/my/profile");
                Assert.Matches(@"\d{4}\*{10}[0-9X]{4}", await page.Locator(".my-profile").InnerTextAsync());
                await Shot(page, "my-profile", width);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            });
        }
    }

    [BrowserFact]
    public async Task The_professional_downloads_their_transcript_as_an_xlsx_with_every_record()
    {
        using var api = await host.ApiAsync(Professional);
        var id = await OwnIdAsync(api);
        using var transcript = await JsonAsync(api, $"/api/professionals/{id}/transcript");
        var recordIds = transcript.RootElement.GetProperty("years").EnumerateArray()
            .SelectMany(y => y.GetProperty("records").EnumerateArray()).Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(recordIds);

        await host.RunAsync(nameof(The_professional_downloads_their_transcript_as_an_xlsx_with_every_record), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Professional);
            await page.GotoAsync("/my/hours");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/my/hours/transcript']"));

            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }

            var content = text.ToString();
            Assert.All(recordIds, record => Assert.Contains(record, content, StringComparison.OrdinalIgnoreCase));
            Assert.Contains("学时档案", content, StringComparison.Ordinal);
        });
    }

    [BrowserFact]
    public async Task The_professional_issues_this_years_certificate_and_the_verification_page_confirms_it()
    {
        using var api = await host.ApiAsync(Professional);
        var id = await OwnIdAsync(api);
        var year = DateTime.UtcNow.AddHours(8).Year.ToString(CultureInfo.InvariantCulture);

        await host.RunAsync(nameof(The_professional_issues_this_years_certificate_and_the_verification_page_confirms_it), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Professional);
            await page.GotoAsync("/my/certificates");
            await Shot(page, "my-certificates", 390);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            // A button, then a confirmation step, then the issue.
            await page.ClickAsync($"a[href='/my/certificates?issue={year}']");
            Assert.Contains($"确认出具 {year} 年度学时证明", await page.Locator("#confirm-title").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            await page.ClickAsync("button:has-text('确认出具')");
            await page.WaitForURLAsync("**/my/certificates");
            var banner = await page.Locator(".banner-success").InnerTextAsync();
            var number = CertificateNumber().Match(banner).Groups["n"].Value;
            Assert.StartsWith($"已出具 {year} 年度学时证明", banner, StringComparison.Ordinal);
            Assert.Contains("无需重新出具", await page.Locator(".card-item", new() { HasText = $"{year} 年度" }).InnerTextAsync(), StringComparison.Ordinal);

            // In the data: the year's valid certificate is the one the banner named.
            using var list = await JsonAsync(api, $"/api/certificates?professionalId={id}&year={year}");
            var valid = list.RootElement.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("statusText").GetString() == "有效");
            Assert.Equal(number, valid.GetProperty("number").GetString());

            // The row's links: the verification page confirms it; the printable page carries the QR code.
            var row = page.Locator("table.my-certificates tbody tr", new() { HasText = number });
            await row.Locator("a", new() { HasText = "核验页" }).ClickAsync();
            await page.WaitForURLAsync("**/verify/**");
            Assert.Contains("核验结果：有效", await page.Locator(".verify-validity").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(number, await page.Locator(".verify-result").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await page.GotoAsync($"/certificates/{valid.GetProperty("id").GetString()}");
            Assert.Equal(1, await page.Locator(".certificate-qr svg").CountAsync());
        });
    }

    [BrowserFact]
    public async Task Declarations_page_two_shows_the_records_after_the_twentieth()
    {
        const string reviewer = "demo.department-admin";
        using var api = await host.ApiAsync(reviewer);
        using var second = await JsonAsync(api, "/api/declarations?page=2&pageSize=20");
        var expected = second.RootElement.GetProperty("items").EnumerateArray().Select(d => "/declarations/" + d.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(expected);

        await host.RunAsync(nameof(Declarations_page_two_shows_the_records_after_the_twentieth), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, reviewer);
            await page.GotoAsync("/declarations");
            var first = await Links(page);
            await page.ClickAsync(".pager-next a");
            await page.WaitForURLAsync("**/declarations?page=2");

            var shown = await Links(page);
            Assert.Equal(expected, shown);
            Assert.Empty(first.Intersect(shown));
            Assert.Equal("第 2 页", await page.Locator(".pager [aria-current=page]").InnerTextAsync());
            Assert.Contains("（第 2 页，共", await page.TitleAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
        });
    }

    [BrowserFact]
    public async Task A_review_redirects_after_the_post_and_the_history_names_people()
    {
        const string reviewer = "demo.employer-hr";
        await host.RunAsync(nameof(A_review_redirects_after_the_post_and_the_history_names_people), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, reviewer);
            await page.GotoAsync("/declarations?awaitingMe=true");
            await page.Locator("table a[href^='/declarations/']").First.ClickAsync();
            await page.WaitForURLAsync(new Regex("/declarations/[0-9a-f-]{36}$"));
            var address = new Uri(page.Url).AbsolutePath;
            var evidence = await page.Locator("section:has(h2:text-is('证明材料'))").InnerTextAsync();
            Assert.DoesNotContain("application/", evidence, StringComparison.Ordinal);
            Assert.DoesNotContain("image/", evidence, StringComparison.Ordinal);
            Assert.Matches("PDF 文件|JPG 图片|PNG 图片", evidence);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);

            await page.FillAsync("#comment-employer", "经核实，同意上报。");
            var posted = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[value=approve]"), r => r.Request.Method == "POST");
            Assert.Equal(302, posted.Status); // post → redirect → get: a refresh sends nothing again
            await page.WaitForURLAsync("**" + address);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Contains("单位审核意见已提交", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            var history = await page.Locator("section:has(h2:text-is('审核记录'))").InnerTextAsync();
            Assert.Contains(DemoAccounts.All.Single(a => a.UserName == reviewer).DisplayName, history, StringComparison.Ordinal);
            Assert.DoesNotContain("demo.", history, StringComparison.Ordinal);

            await page.ReloadAsync();
            Assert.Equal(0, await page.Locator(".banner-success").CountAsync());

            // In the data: the declaration went on to the department, reviewed once.
            using var api = await host.ApiAsync(reviewer);
            using var declaration = await JsonAsync(api, "/api" + address);
            Assert.Equal("AwaitingDepartment", declaration.RootElement.GetProperty("status").GetString());
            Assert.Single(declaration.RootElement.GetProperty("trail").EnumerateArray(), s => s.GetProperty("step").GetString() == "employer");
        });
    }

    private static async Task<List<string>> Links(IPage page) =>
        [.. (await page.Locator("table a[href^='/declarations/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))];

    private static async Task<string> OwnIdAsync(HttpClient api)
    {
        using var people = await JsonAsync(api, "/api/registry/professionals?pageSize=5");
        return people.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    private static async Task<JsonDocument> JsonAsync(HttpClient api, string address)
    {
        using var response = await api.GetAsync(new Uri(address, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {address}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    // Screenshots for a person to look at, only when asked (KR_PAGE_SHOTS names a folder).
    private static async Task Shot(IPage page, string name, int width)
    {
        if (Environment.GetEnvironmentVariable("KR_PAGE_SHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }
    }

    [GeneratedRegex("编号 (?<n>[^，）]+)")]
    private static partial Regex CertificateNumber();
}
