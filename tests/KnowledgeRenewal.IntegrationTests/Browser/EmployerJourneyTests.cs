using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Kernel.Identifiers;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The employer's HR officer (demo.employer-hr) in a real browser: registers a person, imports staff from a CSV with
/// one bad row, reads the staff compliance overview — then the outcome is read back through the REST API. Every page
/// visited passes axe; the main list and detail pages fit a 390-px phone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class EmployerJourneyTests(BrowserHost host)
{
    private const string Hr = "demo.employer-hr";

    [BrowserFact]
    public async Task HR_registers_a_person_who_then_belongs_to_the_employers_region_and_sector()
    {
        var idNumber = NewIdNumber();
        var name = "网页登记" + UniqueHan(3);
        await host.RunAsync(nameof(HR_registers_a_person_who_then_belongs_to_the_employers_region_and_sector), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Hr);
            await page.GotoAsync("/staff");
            Assert.Equal("本单位人员", await page.Locator("h1").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("a[href='/staff/new']");

            // A bad form first: the problems next to the fields, in Chinese, the answers kept.
            await page.FillAsync("#Input_IdNumber", "123");
            await page.ClickAsync("main form button[type=submit]");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Contains("身份证号", await page.Locator("#Input_IdNumber-error").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.Locator("#Input_IdNumber").GetAttributeAsync("aria-invalid"));
            Assert.Contains("姓名", await page.Locator("#Input_Name-error").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);

            await page.FillAsync("#Input_IdNumber", idNumber);
            await page.FillAsync("#Input_Name", name);
            await page.FillAsync("#Input_Specialty", "急诊医学");
            await page.SelectOptionAsync("#Input_TitleLevel", "中级");
            await page.SelectOptionAsync("#Input_Education", "本科");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync("**/staff/*");
            Assert.Equal(name, await page.Locator("h1").InnerTextAsync());
            Assert.Contains("已登记", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(idNumber, await page.ContentAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
        });

        // The API: the person exists, at HR's employer, with the employer's region and sector.
        using var api = await host.ApiAsync(Hr);
        var employer = (await api.GetFromJsonAsync<JsonElement>("/api/registry/employers")).GetProperty("items")[0];
        var found = await api.GetFromJsonAsync<JsonElement>("/api/registry/professionals?name=" + Uri.EscapeDataString(name));
        var person = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(employer.GetProperty("id").GetGuid(), person.GetProperty("employerId").GetGuid());
        Assert.Equal(employer.GetProperty("regionCode").GetString(), person.GetProperty("regionCode").GetString());
        Assert.Equal(employer.GetProperty("departmentCode").GetString(), person.GetProperty("departmentCode").GetString());
        Assert.Equal("Intermediate", person.GetProperty("titleLevel").GetString());
        Assert.Equal(idNumber[..4], person.GetProperty("idNumberMasked").GetString()![..4]);
        Assert.DoesNotContain(idNumber, person.ToString(), StringComparison.Ordinal);

        // The list and the person's pages at 390 px.
        var id = person.GetProperty("id").GetGuid();
        await host.RunAsync(nameof(HR_registers_a_person_who_then_belongs_to_the_employers_region_and_sector) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Hr);
            foreach (var address in new[] { "/staff?Name=" + Uri.EscapeDataString(name), $"/staff/{id}", $"/staff/{id}/hours", $"/staff/{id}/move", "/staff/new" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            }

            await page.GotoAsync("/staff?Name=" + Uri.EscapeDataString(name));
            Assert.Equal(1, await page.Locator($"a[href='/staff/{id}']").CountAsync());
        });
    }

    [BrowserFact]
    public async Task HR_imports_a_CSV_sees_progress_and_row_results_and_the_good_rows_exist()
    {
        using var api = await host.ApiAsync(Hr);
        var employerCode = (await api.GetFromJsonAsync<JsonElement>("/api/registry/employers")).GetProperty("items")[0].GetProperty("creditCode").GetString();
        var good = new[] { ("导入甲" + UniqueHan(3), NewIdNumber()), ("导入乙" + UniqueHan(3), NewIdNumber()) };
        var csv = new StringBuilder("身份证号,姓名,工作单位统一社会信用代码,最高学历,职称级别\n");
        csv.Append(CultureInfo.InvariantCulture, $"{good[0].Item2},{good[0].Item1},{employerCode},本科,初级\n");
        csv.Append(CultureInfo.InvariantCulture, $"370802199001011230,导入错误{UniqueHan(2)},{employerCode},本科,中级\n"); // a wrong check character
        csv.Append(CultureInfo.InvariantCulture, $"{good[1].Item2},{good[1].Item1},{employerCode},硕士研究生,中级\n");
        var file = Path.Combine(Path.GetTempPath(), $"staff-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), new UTF8Encoding(false));
        try
        {
            foreach (var width in BrowserHost.Widths)
            {
                await host.RunAsync(nameof(HR_imports_a_CSV_sees_progress_and_row_results_and_the_good_rows_exist), width, async page =>
                {
                    await BrowserHost.SignInAsync(page, Hr);
                    await page.GotoAsync("/staff/import");
                    await BrowserHost.AssertAccessibleAsync(page);
                    await BrowserHost.AssertFitsWidthAsync(page);
                    if (width != 1280)
                    {
                        return;
                    }

                    // The template downloads.
                    var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/staff/import?handler=template']"));
                    Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

                    await page.SetInputFilesAsync("#Upload", file);
                    await page.SelectOptionAsync("#Mode", "valid-rows-only");
                    await page.ClickAsync("main form button[type=submit]");
                    await page.WaitForURLAsync("**/staff/import/*");
                    Assert.Equal(1, await page.Locator("#import-progress progress").CountAsync());

                    // htmx polls the job until it ends; then the counts and the bad row.
                    await page.Locator("[data-import-status='Completed']").WaitForAsync(new() { Timeout = 60_000 });
                    Assert.Equal("2 人", await page.Locator("[data-count='created']").InnerTextAsync());
                    Assert.Equal("1 行", await page.Locator("[data-count='rejected']").InnerTextAsync());
                    var rows = page.Locator("#import-progress table tbody tr");
                    Assert.Equal(1, await rows.CountAsync());
                    Assert.Equal("3", await rows.First.Locator("td").First.InnerTextAsync());
                    Assert.Contains("身份证号", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
                    await BrowserHost.AssertAccessibleAsync(page);
                    var report = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href$='handler=report']"));
                    Assert.EndsWith(".xlsx", report.SuggestedFilename, StringComparison.Ordinal);
                });
            }
        }
        finally
        {
            File.Delete(file);
        }

        foreach (var (name, _) in good)
        {
            var found = await api.GetFromJsonAsync<JsonElement>("/api/registry/professionals?name=" + Uri.EscapeDataString(name));
            Assert.Equal(1, found.GetProperty("total").GetInt32());
        }

        var bad = await api.GetFromJsonAsync<JsonElement>("/api/registry/professionals?name=" + Uri.EscapeDataString("导入错误"));
        Assert.Equal(0, bad.GetProperty("total").GetInt32());
    }

    [BrowserFact]
    public async Task The_compliance_overview_shows_the_counts_of_the_APIs_summary_and_drills_down_to_a_person()
    {
        using var api = await host.ApiAsync(Hr);
        var summary = await api.GetFromJsonAsync<JsonElement>("/api/compliance/summary?groupBy=employer");
        var total = summary.GetProperty("total");
        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(The_compliance_overview_shows_the_counts_of_the_APIs_summary_and_drills_down_to_a_person), width, async page =>
            {
                await BrowserHost.SignInAsync(page, Hr);

                // The menu and the workbench lead there.
                Assert.Equal(1, await page.Locator(".site-nav a[href='/staff/compliance']").CountAsync());
                Assert.Equal(1, await page.Locator(".card a[href='/staff/compliance']").First.CountAsync());
                await page.GotoAsync("/staff/compliance");
                Assert.Equal(Count(total, "people"), await page.Locator("[data-count='people']").InnerTextAsync());
                Assert.Equal(Count(total, "met"), await page.Locator("[data-count='met']").InnerTextAsync());
                Assert.Equal(Count(total, "inProgress"), await page.Locator("[data-count='in-progress']").InnerTextAsync());
                Assert.Equal(Count(total, "notMet"), await page.Locator("[data-count='not-met']").InnerTextAsync());
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                // Filtered by status: the list holds as many people as the summary counts.
                await page.SelectOptionAsync("#Status", "InProgress");
                await page.ClickAsync("form.filters button[type=submit]");
                await page.WaitForURLAsync("**Status=InProgress**");
                var inProgress = total.GetProperty("inProgress").GetInt32();
                if (inProgress == 0)
                {
                    Assert.Equal(1, await page.Locator(".empty-state").CountAsync());
                    return;
                }

                Assert.Contains($"共 {Count(total, "inProgress")} 人", await page.Locator("table caption").InnerTextAsync(), StringComparison.Ordinal);
                Assert.All(await page.Locator("td[data-label='达标情况']").AllInnerTextsAsync(), s => Assert.Equal("进行中", s));
                await BrowserHost.AssertAccessibleAsync(page);

                // Drill down to the first person.
                await page.Locator("td[data-label='姓名'] a").First.ClickAsync();
                await page.WaitForURLAsync("**/hours**");
                Assert.Contains("进行中", await page.Locator(".compliance-status").InnerTextAsync(), StringComparison.Ordinal);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            });
        }
    }

    private static string Count(JsonElement total, string property) =>
        total.GetProperty(property).GetInt32().ToString("N0", CultureInfo.InvariantCulture);

    [BrowserFact]
    public async Task HR_records_that_a_person_left_and_the_list_and_the_API_show_them_as_left()
    {
        var idNumber = NewIdNumber();
        var name = "网页离职" + UniqueHan(3);
        var today = KnowledgeRenewal.Kernel.Time.ProgramCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? personPath = null;
        await host.RunAsync(nameof(HR_records_that_a_person_left_and_the_list_and_the_API_show_them_as_left), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Hr);
            await page.GotoAsync("/staff/new");
            await page.FillAsync("#Input_IdNumber", idNumber);
            await page.FillAsync("#Input_Name", name);
            await page.FillAsync("#Input_Specialty", "临床医学");
            await page.SelectOptionAsync("#Input_TitleLevel", "初级");
            await page.SelectOptionAsync("#Input_Education", "本科");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync("**/staff/*");
            personPath = new Uri(page.Url).AbsolutePath;

            await page.ClickAsync($"a[href='{personPath}/leave']");
            await page.WaitForURLAsync($"**{personPath}/leave");
            await BrowserHost.AssertAccessibleAsync(page);

            // A day in the future: after the confirmation, the platform's refusal next to the date field.
            await page.SelectOptionAsync("#Status", "Left");
            await page.FillAsync("#LeftOn", "2099-01-01");
            await page.ClickAsync("main form button[type=submit]");
            Assert.Contains("确认为", await page.Locator("[data-confirm-leave]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("[data-confirm-leave] button[type=submit]");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Contains("不能晚于今天", await page.Locator("#LeftOn-error").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("true", await page.Locator("#LeftOn").GetAttributeAsync("aria-invalid"));
            await BrowserHost.AssertAccessibleAsync(page);

            await page.SelectOptionAsync("#Status", "Left");
            await page.FillAsync("#LeftOn", today);
            await page.ClickAsync("main form button[type=submit]");
            await page.ClickAsync("[data-confirm-leave] button[type=submit]");
            await page.WaitForURLAsync($"**{personPath}");
            Assert.Contains("已办理", await page.Locator(".banner-success").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator($"a[href='{personPath}/leave']").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
        });

        await host.RunAsync(nameof(HR_records_that_a_person_left_and_the_list_and_the_API_show_them_as_left) + "-phone", 390, async page =>
        {
            await BrowserHost.SignInAsync(page, Hr);
            await page.GotoAsync("/staff");
            await page.SelectOptionAsync("#Status", "离职");
            await page.FillAsync("#Name", name);
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync(url => url.Contains("Status=", StringComparison.Ordinal));
            var row = page.Locator($"tbody tr:has(a[href='{personPath}'])");
            Assert.Equal(1, await row.CountAsync());
            Assert.Equal("离职", (await row.Locator("td[data-label='人员状态']").InnerTextAsync()).Trim());
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
            foreach (var address in new[] { personPath!, personPath + "/leave" })
            {
                await page.GotoAsync(address);
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            }
        });

        using var api = await host.ApiAsync(Hr);
        var found = await api.GetFromJsonAsync<JsonElement>("/api/registry/professionals?status=Left&name=" + Uri.EscapeDataString(name));
        var person = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal("Left", person.GetProperty("status").GetString());
        var history = await api.GetFromJsonAsync<JsonElement>($"/api/registry/professionals/{person.GetProperty("id").GetGuid()}/employments");
        var only = Assert.Single(history.EnumerateArray());
        Assert.Equal(today, only.GetProperty("endedOn").GetString());
    }

    private static string NewIdNumber() =>
        ResidentIdNumberGenerator.Generate("370811", new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 365 * 20)), Gender.Female, Random.Shared.Next).Value;

    private static string UniqueHan(int length)
    {
        const string characters = "安宁和平春夏秋冬明亮清远志诚文武山川云海星月晨晖";
        return string.Concat(Enumerable.Range(0, length).Select(_ => characters[Random.Shared.Next(characters.Length)]));
    }
}
