using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Plans;

/// <summary>
/// The annual-plan pages over HTTP, against the API's rules: counties and departments read the plans but the form is
/// the program office's (as PUT), other roles get the 403 page and visitors the sign-in page; a bad form says what is
/// wrong next to each field in Chinese, naming the row by its label (never an API field name or a row number), and
/// writes nothing; a form read before someone else's change is refused (If-Match, as the API) and says so.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed partial class PlanPagesTests(PlatformFixture platform)
{
    // 2030: a program year no other test of the shared platform sets.
    private const int Year = 2030;

    [Fact]
    public async Task Plan_readers_read_the_pages_only_the_program_office_gets_the_form_and_other_roles_are_refused()
    {
        foreach (var reader in new[] { "demo.county-admin", "demo.department-admin" })
        {
            using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount(reader));
            var list = await browser.GetAsync("/plans");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Contains("由市项目办设置", list.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("/edit\"", list.Html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/plans/2025")).Status);
            var form = await browser.GetAsync($"/plans/{Year}/edit");
            Assert.True(form.Status == HttpStatusCode.Redirect && form.LocationPath == "/account/denied", $"{reader}: {(int)form.Status} {form.Location}");
        }

        foreach (var outsider in new[] { "demo.professional", "demo.provider-staff", "demo.employer-hr" })
        {
            using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount(outsider));
            foreach (var address in new[] { "/plans", "/plans/2025", $"/plans/{Year}/edit" })
            {
                var refused = await browser.GetAsync(address);
                Assert.True(refused.Status == HttpStatusCode.Redirect && refused.LocationPath == "/account/denied", $"{outsider} {address}: {(int)refused.Status} {refused.Location}");
            }

            Assert.DoesNotContain("href=\"/plans\"", (await browser.GetAsync("/workbench")).Html, StringComparison.Ordinal);
        }

        using var anonymous = platform.Browser();
        Assert.Equal("/account/login", (await anonymous.GetAsync("/plans")).LocationPath);

        using var office = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.program-office"));
        var workbench = await office.GetAsync("/workbench");
        Assert.Contains("href=\"/plans\"", workbench.Html, StringComparison.Ordinal);
        Assert.Contains("年度计划与补贴发放", workbench.Html, StringComparison.Ordinal);
        var missing = await office.GetAsync($"/plans/{Year - 1}");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("data-plan-missing", missing.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/plans/2031")).Status);
    }

    [Fact]
    public async Task A_bad_plan_form_says_what_is_wrong_next_to_each_field_and_a_stale_form_is_refused()
    {
        var office = await platform.DemoClientAsync(KnowledgeRenewal.Sdk.PlatformRoles.ProgramOfficeAdmin);
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.program-office"));
        var page = await browser.SubmitAsync($"/plans/{Year}/edit", new Dictionary<string, string?>
        {
            ["Input.Total"] = "",
            ["Input.Types[0].Projects"] = "-1",
            ["Input.Types[0].Trainees"] = "600",
            ["Input.Regions[0].Trainees"] = "abc",
            ["Input.Departments[0].Trainees"] = "2000000",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("<title>错误：", page.Html, StringComparison.Ordinal);
        Assert.Equal("全市总目标须填写目标培训人数。", FieldError(page.Html, "Input_Total"));
        Assert.Equal("高级研修项目目标项目数应在 0 至 10,000 之间。", FieldError(page.Html, "Input_Types_0__Projects"));
        Assert.Equal("任城区的目标培训人数必须是整数，例如 1000", FieldError(page.Html, "Input_Regions_0__Trainees"));
        Assert.EndsWith("目标培训人数应在 0 至 1,000,000 之间。", FieldError(page.Html, "Input_Departments_0__Trainees"), StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Html, StringComparison.Ordinal);
        foreach (var apiName in new[] { "trainees", "targets[", "第 2 项", "（projects）", "kind =" })
        {
            Assert.DoesNotContain(apiName, page.Html, StringComparison.Ordinal);
        }

        await office.GetJsonAsync($"/api/annual-plans/{Year}", HttpStatusCode.NotFound);

        // Shares above the total: said next to the total.
        var shares = await browser.SubmitAsync($"/plans/{Year}/edit", new Dictionary<string, string?>
        {
            ["Input.Total"] = "1000",
            ["Input.Regions[0].Trainees"] = "800",
            ["Input.Regions[1].Trainees"] = "300",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shares.Status);
        Assert.Equal("按区域分解的目标人数合计 1,100，超过了总目标 1,000。", FieldError(shares.Html, "Input_Total"));

        // Saved; a form read before that is refused, and says why.
        var first = await browser.GetAsync($"/plans/{Year}/edit");
        var saved = await browser.PostAsync($"/plans/{Year}/edit", new Dictionary<string, string?> { ["Input.Total"] = "5000", ["Input.Regions[0].Trainees"] = "800" }, first.Html);
        Assert.Equal((HttpStatusCode.Redirect, $"/plans/{Year}"), (saved.Status, saved.Location));
        var plan = await office.GetJsonAsync($"/api/annual-plans/{Year}");
        Assert.Equal(5_000, plan.GetProperty("targets")[0].GetProperty("targetTrainees").GetInt32());

        var edit = await browser.GetAsync($"/plans/{Year}/edit");
        var version = Regex.Match(edit.Html, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(version);
        var changed = await browser.PostAsync($"/plans/{Year}/edit", new Dictionary<string, string?> { ["Input.Version"] = WebUtility.HtmlDecode(version), ["Input.Total"] = "6000" }, edit.Html);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var stale = await browser.PostAsync($"/plans/{Year}/edit", new Dictionary<string, string?> { ["Input.Version"] = WebUtility.HtmlDecode(version), ["Input.Total"] = "7000" }, edit.Html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.Status);
        Assert.Contains("数据已被他人修改", stale.Html, StringComparison.Ordinal);
        Assert.Equal(6_000, (await office.GetJsonAsync($"/api/annual-plans/{Year}")).GetProperty("targets")[0].GetProperty("targetTrainees").GetInt32());
    }

    private static string FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<p class=\"field-error\" id=\"{Regex.Escape(fieldId)}-error\"><span class=\"visually-hidden\">错误：</span>(?<text>[^<]*)</p>");
        Assert.True(match.Success, $"no error next to {fieldId}");
        return WebUtility.HtmlDecode(match.Groups["text"].Value);
    }
}
