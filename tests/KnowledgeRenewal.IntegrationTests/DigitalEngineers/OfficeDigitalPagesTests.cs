using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.DigitalEngineers;

/// <summary>
/// The program office's digital-engineer pages over HTTP on the demo city, against the API's rules: the claims pages
/// are for those who decide claims (the program office and county bureaus, as <c>POST …/decision</c>), the catalog's
/// forms for the program office (as <c>POST/PUT …/institutions</c>); a county bureau sees only its county's claims;
/// a rejection without a reason and a catalog entry without fields are explained next to the fields, in Chinese,
/// writing nothing.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class OfficeDigitalPagesTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_claims_pages_are_for_approvers_and_the_catalog_forms_for_the_program_office()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var claim = (await office.GetJsonAsync("/api/digital-engineers/subsidy-claims?pageSize=1")).GetProperty("items")[0];
        var claimId = claim.GetProperty("id").GetString();
        var institution = (await office.GetJsonAsync("/api/digital-engineers/institutions"))[0].GetProperty("id").GetString();

        foreach (var outsider in new[] { "demo.department-admin", "demo.provider-staff", "demo.professional", "demo.employer-hr" })
        {
            using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount(outsider));
            foreach (var address in new[] { "/digital/claims", $"/digital/claims/{claimId}", "/digital/institutions/new", $"/digital/institutions/{institution}/edit" })
            {
                var refused = await browser.GetAsync(address);
                Assert.True(refused.Status == HttpStatusCode.Redirect && refused.LocationPath == "/account/denied", $"{outsider} {address}: {(int)refused.Status} {refused.Location}");
            }

            // The catalog itself is readable by the API's readers.
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/digital/institutions")).Status);
        }

        // The county bureau decides its county's claims only: another county's claim is not found, as in the API.
        using var county = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.county-admin"));
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/digital/claims")).Status);
        var countyClaims = await (await platform.DemoClientAsync(PlatformRoles.CountyAdmin)).GetJsonAsync("/api/digital-engineers/subsidy-claims?pageSize=100");
        var elsewhere = (await office.GetJsonAsync("/api/digital-engineers/subsidy-claims?pageSize=100")).GetProperty("items").EnumerateArray()
            .First(c => c.GetProperty("regionCode").GetString() != PlatformFixtureBase.CountyA).GetProperty("id").GetString();
        Assert.DoesNotContain(countyClaims.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/digital/claims/{elsewhere}")).Status);
        foreach (var address in new[] { "/digital/institutions/new", $"/digital/institutions/{institution}/edit" })
        {
            Assert.Equal("/account/denied", (await county.GetAsync(address)).LocationPath);
        }

        using var anonymous = platform.Browser();
        Assert.Equal("/account/login", (await anonymous.GetAsync("/digital/claims")).LocationPath);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_and_an_entry_without_fields_are_explained_next_to_the_fields()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var submitted = (await office.GetJsonAsync("/api/digital-engineers/subsidy-claims?status=Submitted&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.program-office"));

        var confirm = await browser.GetAsync($"/digital/claims/{submitted}?confirm=reject");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("确认驳回该补贴申领？", confirm.Html, StringComparison.Ordinal);
        var version = WebUtility.HtmlDecode(Regex.Match(confirm.Html, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value);
        var rejected = await browser.PostAsync($"/digital/claims/{submitted}?handler=reject", new Dictionary<string, string?> { ["Input.Version"] = version, ["Input.Comment"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.Status);
        Assert.Contains("<title>错误：", rejected.Html, StringComparison.Ordinal);
        Assert.Equal("驳回时请填写驳回理由。", FieldError(rejected.Html, "Input_Comment"));
        Assert.Contains("确认驳回该补贴申领？", rejected.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("comment）", rejected.Html, StringComparison.Ordinal);
        Assert.Equal("Submitted", (await office.GetJsonAsync($"/api/digital-engineers/subsidy-claims/{submitted}")).GetProperty("status").GetString());

        // A payment is no step of a claim that waits for its decision: not offered, and refused if sent.
        Assert.DoesNotContain("confirm=pay", confirm.Html, StringComparison.Ordinal);
        var paid = await browser.PostAsync($"/digital/claims/{submitted}?handler=pay", new Dictionary<string, string?> { ["Input.Version"] = version, ["Input.Reference"] = "X-1" }, confirm.Html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, paid.Status);
        Assert.Contains("只有“已核准”的申领可以登记发放", paid.Html, StringComparison.Ordinal);

        var form = await browser.SubmitAsync("/digital/institutions/new", new Dictionary<string, string?>
        {
            ["Input.Organization"] = "",
            ["Input.Kind"] = "Training",
            ["Input.ValidFrom"] = "2026-13-01",
            ["Input.ValidTo"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, form.Status);
        Assert.Equal("请选择单位。", FieldError(form.Html, "Input_Organization"));
        Assert.Equal("有效期起必须是真实日期，例如 2026-03-01", FieldError(form.Html, "Input_ValidFrom"));
        Assert.Equal("请至少勾选一个领域和等级", FieldError(form.Html, "Input_Scopes"));
        Assert.DoesNotContain("scopes", form.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("organizationId", form.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("validFrom", form.Html, StringComparison.Ordinal);
    }

    private static string FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<p class=\"field-error\" id=\"{Regex.Escape(fieldId)}-error\"><span class=\"visually-hidden\">错误：</span>(?<text>[^<]*)</p>");
        Assert.True(match.Success, $"no error next to {fieldId}");
        return WebUtility.HtmlDecode(match.Groups["text"].Value);
    }
}
