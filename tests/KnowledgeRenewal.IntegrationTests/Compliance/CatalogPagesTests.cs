using System.Globalization;
using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Compliance;

/// <summary>
/// The catalog pages over HTTP (<c>/catalog</c>, <c>/catalog/rules/{n}</c>, <c>/catalog/what-if</c>): only the program
/// office and department administrators open them; a department administrator sees and tries only their own module
/// (403 for another module or the platform, 404 for an unknown scope — as the what-if API); the draft's problems are
/// shown next to their fields in Chinese.
/// </summary>
[Collection(CompliancePlatform.Name)]
public sealed class CatalogPagesTests(CompliancePlatformFixture platform)
{
    private static readonly string[] Addresses = ["/catalog", "/catalog/rules/1", "/catalog/what-if"];

    [Fact]
    public async Task Professionals_and_employer_HR_are_refused_every_catalog_page()
    {
        foreach (var (role, organization) in new[] { (PlatformRoles.Professional, platform.HospitalA.Code), (PlatformRoles.EmployerHr, platform.HospitalA.Code), (PlatformRoles.CountyAdmin, "CB-" + CompliancePlatformFixture.CountyA) })
        {
            var account = await platform.Accounts.CreateAsync($"t.cat.no.{Guid.NewGuid():N}"[..30], [role], organization);
            using var browser = await platform.Accounts.SignInAsync(account);
            foreach (var address in Addresses)
            {
                var refused = await browser.GetAsync(address + "?scope=health");
                Assert.True(
                    refused.Status == HttpStatusCode.Forbidden || refused.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true,
                    $"{role} on {address}: {(int)refused.Status} {refused.Location}");
            }
        }
    }

    [Fact]
    public async Task A_department_administrator_sees_their_module_and_cannot_pick_another_scope()
    {
        using var browser = await HealthAdminAsync();
        var catalog = await browser.GetAsync("/catalog");
        Assert.Equal(HttpStatusCode.OK, catalog.Status);
        Assert.Contains("继续医学教育（年度学分制）", catalog.Html, StringComparison.Ordinal);
        Assert.Contains("data-subject=\"WS-", catalog.Html, StringComparison.Ordinal);
        Assert.Contains("Ⅰ类学分：至少 5 学分", catalog.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Scope\"", catalog.Html, StringComparison.Ordinal); // one scope: no selector

        foreach (var address in Addresses)
        {
            foreach (var other in new[] { "transport", "platform" })
            {
                var refused = await browser.GetAsync($"{address}?scope={other}");
                Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{address}?scope={other}: {(int)refused.Status}");
            }

            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{address}?scope=astronomy")).Status);
        }

        // Posting a draft for another module is refused as the API refuses it (403), whatever the form says.
        await browser.GetAsync("/catalog/what-if");
        var posted = await browser.PostAsync("/catalog/what-if", Draft("transport", requiredTotal: "30"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);

        // The public subjects and a search, paged in the address.
        var nursing = await browser.GetAsync("/catalog?list=professional&Search=" + Uri.EscapeDataString("护理"));
        Assert.Contains("data-subject=\"WS-ZKHL\"", nursing.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-subject=\"WS-JZJJ\"", nursing.Html, StringComparison.Ordinal);
        var publicSubjects = await browser.GetAsync("/catalog?list=public");
        Assert.Contains("data-subject=\"GX-", publicSubjects.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-subject=\"WS-", publicSubjects.Html, StringComparison.Ordinal);
        var second = await browser.GetAsync("/catalog?list=professional&page=2");
        Assert.Contains("第 2 页", second.Html, StringComparison.Ordinal);
        Assert.Contains("data-subject=\"WS-", second.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-subject=\"WS-CFSH\"", second.Html, StringComparison.Ordinal); // first by code, on page 1
    }

    [Fact]
    public async Task The_program_office_chooses_any_scope()
    {
        var account = await platform.Accounts.CreateAsync($"t.cat.po.{Guid.NewGuid():N}"[..30], [PlatformRoles.ProgramOfficeAdmin], "PO");
        using var browser = await platform.Accounts.SignInAsync(account);
        var transport = await browser.GetAsync("/catalog?scope=transport");
        Assert.Equal(HttpStatusCode.OK, transport.Status);
        Assert.Contains("name=\"Scope\"", transport.Html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"platform\"", transport.Html, StringComparison.Ordinal);
        Assert.Contains("交通运输专业技术人员继续教育", transport.Html, StringComparison.Ordinal);
        var general = await browser.GetAsync("/catalog?scope=platform");
        Assert.Contains("专业技术人员继续教育通用标准", general.Html, StringComparison.Ordinal);
        Assert.Contains("至少占要求总量的 2/3（60 学时）", general.Html, StringComparison.Ordinal);
        Assert.Contains("<td>按记录的科目类别</td>", general.Html, StringComparison.Ordinal); // activities count where their record says
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/catalog/what-if?scope=platform")).Status);
    }

    [Fact]
    public async Task A_bad_value_in_the_draft_is_named_next_to_its_field_in_chinese()
    {
        using var browser = await HealthAdminAsync();
        var form = await browser.GetAsync("/catalog/what-if");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("value=\"25\"", form.Html, StringComparison.Ordinal); // the set in force fills the form
        var draftForm = form.Html[form.Html.IndexOf("data-what-if-form", StringComparison.Ordinal)..];
        Assert.Contains("name=\"__RequestVerificationToken\"", draftForm[..draftForm.IndexOf("</form>", StringComparison.Ordinal)], StringComparison.Ordinal);

        var fields = Draft("health", requiredTotal: "-5");
        fields["Input.Buckets[2].Minimum"] = "-1";
        fields["Input.Buckets[3].Maximum"] = "很多";
        var refused = await browser.PostAsync("/catalog/what-if", fields);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("<title>错误：", refused.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Buckets_3__Maximum-error\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("最多计入必须是数字", refused.Html, StringComparison.Ordinal);

        // Once every value is a number, the use case's own checks answer, next to the fields.
        fields["Input.Buckets[3].Maximum"] = "20";
        var checkedDraft = await browser.PostAsync("/catalog/what-if", fields);
        Assert.Contains("<title>错误：", checkedDraft.Html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_RequiredTotal-error\"><span class=\"visually-hidden\">错误：</span>周期要求总量必须大于 0", checkedDraft.Html);
        Assert.Contains("aria-invalid=\"true\"", checkedDraft.Html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_Buckets_2__Minimum-error\"><span class=\"visually-hidden\">错误：</span>“Ⅰ类学分”的最低要求不能为负数", checkedDraft.Html);
        Assert.DoesNotContain("（requiredTotal）", checkedDraft.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("（minimum）", checkedDraft.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-what-if-result", checkedDraft.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"-5\"", checkedDraft.Html, StringComparison.Ordinal); // the answer is kept

        // A good draft runs and writes nothing.
        fields["Input.RequiredTotal"] = "30";
        fields["Input.Buckets[2].Minimum"] = "5";
        var ran = await browser.PostAsync("/catalog/what-if", fields);
        Assert.Equal(HttpStatusCode.OK, ran.Status);
        Assert.DoesNotContain("error-summary", ran.Html, StringComparison.Ordinal);
        Assert.Contains("data-what-if-result", ran.Html, StringComparison.Ordinal);
        Assert.Contains("未写入任何数据", ran.Html, StringComparison.Ordinal);
    }

    private async Task<WebBrowser> HealthAdminAsync()
    {
        var account = await platform.Accounts.CreateAsync($"t.cat.dep.{Guid.NewGuid():N}"[..30], [PlatformRoles.DepartmentAdmin], "LD-health");
        return await platform.Accounts.SignInAsync(account);
    }

    // The health rule set in force as the form shows it, with the total changed.
    private static Dictionary<string, string?> Draft(string scope, string requiredTotal) => new(StringComparer.Ordinal)
    {
        ["Scope"] = scope,
        ["Input.Year"] = (ProgramCalendar.Today(TimeProvider.System).Year - 1).ToString(CultureInfo.InvariantCulture),
        ["Input.Title"] = "继续医学教育（调整草案）",
        ["Input.EffectiveFrom"] = ProgramPeriod.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.CycleYears"] = "1",
        ["Input.HoursPerUnit"] = "3",
        ["Input.RequiredTotal"] = requiredTotal,
        ["Input.Buckets[0].Key"] = "category:Public",
        ["Input.Buckets[1].Key"] = "category:Professional",
        ["Input.Buckets[2].Key"] = "class:I",
        ["Input.Buckets[2].Minimum"] = "5",
        ["Input.Buckets[2].Maximum"] = "10",
        ["Input.Buckets[3].Key"] = "class:II",
        ["Input.Buckets[3].Minimum"] = "15",
        ["Input.Buckets[3].Maximum"] = "20",
        ["Input.Activities[0].Activity"] = "ClassroomTraining",
        ["Input.Activities[0].Counts"] = "true",
    };
}
