using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The title-evaluation export (职称评审继续教育记录) in a real browser: the professional downloads the signed JSON from
/// <c>/my/hours</c> — its hours per year equal the transcript's approved hours, its signature verifies at the public
/// endpoint and fails after a change — and a reversed period comes back with the Chinese message next to the field.
/// </summary>
public sealed partial class ProfessionalJourneyTests
{
    [BrowserFact]
    public async Task The_professional_downloads_the_signed_title_record_and_it_matches_the_transcript_and_verifies()
    {
        using var api = await host.ApiAsync(Professional);
        var id = await OwnIdAsync(api);
        using var transcript = await JsonAsync(api, $"/api/professionals/{id}/transcript");
        var approved = transcript.RootElement.GetProperty("years").EnumerateArray()
            .ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("totalHours").GetDecimal());
        var thisYear = DateTime.UtcNow.AddHours(8).Year;
        var from = Math.Max(2023, thisYear - 2);
        Assert.Contains(approved, y => y.Key >= from && y.Key <= thisYear && y.Value > 0);

        await host.RunAsync(nameof(The_professional_downloads_the_signed_title_record_and_it_matches_the_transcript_and_verifies), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Professional);
            await page.GotoAsync("/my/hours");
            var form = page.Locator("form[data-title-record]");
            await form.Locator("#From").SelectOptionAsync(from.ToString(CultureInfo.InvariantCulture));
            await form.Locator("#To").SelectOptionAsync(thisYear.ToString(CultureInfo.InvariantCulture));
            await form.Locator("#Format").SelectOptionAsync("json");
            var download = await page.RunAndWaitForDownloadAsync(() => form.Locator("button[type=submit]").ClickAsync());
            Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
            var document = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;

            var years = document["record"]!["years"]!.AsArray();
            Assert.Equal(thisYear - from + 1, years.Count);
            foreach (var year in years)
            {
                Assert.Equal(approved.GetValueOrDefault(year!["year"]!.GetValue<int>()), year["totalHours"]!.GetValue<decimal>());
            }

            Assert.True((await VerifyTitleRecordAsync(api, document)).GetProperty("valid").GetBoolean());
            years[0]!["totalHours"] = years[0]!["totalHours"]!.GetValue<decimal>() + 1;
            Assert.False((await VerifyTitleRecordAsync(api, document)).GetProperty("valid").GetBoolean());

            // A reversed period: the page again, the message next to 截止年度.
            if (thisYear > 2023)
            {
                await page.GotoAsync("/my/hours");
                form = page.Locator("form[data-title-record]");
                await form.Locator("#From").SelectOptionAsync(thisYear.ToString(CultureInfo.InvariantCulture));
                await form.Locator("#To").SelectOptionAsync("2023");
                await form.Locator("button[type=submit]").ClickAsync();
                await page.WaitForURLAsync("**/my/hours/titlerecord?**");
                Assert.Contains("不能早于起始年度", await page.Locator("#To-error").InnerTextAsync(), StringComparison.Ordinal);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            }
        });
    }

    private static async Task<JsonElement> VerifyTitleRecordAsync(HttpClient api, JsonNode document)
    {
        using var content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await api.PostAsync(new Uri("/api/public/title-records/verify", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

/// <summary>
/// The employer's HR officer exports the staff's title-evaluation records from <c>/staff/compliance</c>: one row per
/// person and year, every row of the HR's own employer, the hours of a person equal to their transcript.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class StaffTitleRecordJourneyTests(BrowserHost host)
{
    private const string Hr = "demo.employer-hr";

    [BrowserFact]
    public async Task HR_exports_the_staffs_title_records_from_the_compliance_page()
    {
        using var api = await host.ApiAsync(Hr);
        var employer = (await JsonAsync(api, "/api/registry/employers")).GetProperty("items")[0].GetProperty("name").GetString()!;
        var person = (await JsonAsync(api, "/api/registry/professionals?pageSize=1")).GetProperty("items")[0];
        var thisYear = DateTime.UtcNow.AddHours(8).Year;
        var transcript = await JsonAsync(api, $"/api/professionals/{person.GetProperty("id").GetString()}/transcript");
        var hoursThisYear = transcript.GetProperty("years").EnumerateArray().Where(y => y.GetProperty("year").GetInt32() == thisYear)
            .Select(y => y.GetProperty("totalHours").GetDecimal()).FirstOrDefault();

        await host.RunAsync(nameof(HR_exports_the_staffs_title_records_from_the_compliance_page), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Hr);
            await page.GotoAsync("/staff/compliance");
            var form = page.Locator("form[data-title-records]");
            await form.Locator("#From").SelectOptionAsync(thisYear.ToString(CultureInfo.InvariantCulture));
            await form.Locator("#To").SelectOptionAsync(thisYear.ToString(CultureInfo.InvariantCulture));
            await BrowserHost.AssertAccessibleAsync(page);
            var download = await page.RunAndWaitForDownloadAsync(() => form.Locator("button[type=submit]").ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

            await using var book = File.OpenRead((await download.PathAsync())!);
            var rows = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "学时").Cast<IDictionary<string, object>>().ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(employer, r["工作单位"]));
            Assert.All(rows, r => Assert.Equal(thisYear.ToString(CultureInfo.InvariantCulture), r["学年"]));
            var own = Assert.Single(rows, r => (string)r["身份证号"] == person.GetProperty("idNumberMasked").GetString() && (string)r["姓名"] == person.GetProperty("name").GetString());
            Assert.Equal(hoursThisYear.ToString("0.##", CultureInfo.InvariantCulture), own["合计学时"]);
        });
    }

    private static async Task<JsonElement> JsonAsync(HttpClient api, string address)
    {
        using var response = await api.GetAsync(new Uri(address, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {address}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
