using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// The employer's staff pages over HTTP with a browser session: HR sees its own staff only (list, person, hours,
/// compliance), the other roles are refused, and a refused registration shows each problem next to its field in Chinese.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class StaffPagesTests(RegistryPlatformFixture platform)
{
    [Fact]
    public async Task Employer_HR_sees_only_its_own_staff_on_every_staff_page()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var own = await platform.RegisterAsync(county, platform.A1, "本院职工甲");
        var other = await platform.RegisterAsync(county, platform.A2, "邻校教师乙");
        var hrAccount = await platform.Accounts.CreateAsync($"t.staff.hr.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.A1.Code);
        using var hr = await platform.Accounts.SignInAsync(hrAccount);

        var list = await hr.GetAsync("/staff?Name=" + Uri.EscapeDataString("本院职工甲"));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains($"/staff/{own.Id}", list.Html, StringComparison.Ordinal);
        Assert.Contains(own.View.IdNumberMasked, list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(own.IdNumber, list.Html, StringComparison.Ordinal);

        var everyone = await hr.GetAsync("/staff");
        Assert.DoesNotContain("邻校教师乙", everyone.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id.ToString(), everyone.Html, StringComparison.Ordinal);
        var searched = await hr.GetAsync("/staff?Name=" + Uri.EscapeDataString("邻校教师乙"));
        Assert.DoesNotContain(other.Id.ToString(), searched.Html, StringComparison.Ordinal);
        Assert.Contains("没有符合条件的人员", searched.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/staff/{own.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/staff/{own.Id}/hours")).Status);
        foreach (var url in new[] { $"/staff/{other.Id}", $"/staff/{other.Id}/hours", $"/staff/{other.Id}/move" })
        {
            var page = await hr.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain("邻校教师乙", page.Html, StringComparison.Ordinal);
        }

        var compliance = await hr.GetAsync("/staff/compliance");
        Assert.Equal(HttpStatusCode.OK, compliance.Status);
        Assert.DoesNotContain("邻校教师乙", compliance.Html, StringComparison.Ordinal);

        // An exact look-up by ID number is the API's gate: HR is not entitled, the page explains and shows no one.
        var lookup = await hr.GetAsync($"/staff?IdNumber={other.IdNumber}&Purpose=" + Uri.EscapeDataString("核对人员信息"));
        Assert.Equal(HttpStatusCode.Forbidden, lookup.Status);
        Assert.DoesNotContain(other.Id.ToString(), lookup.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("邻校教师乙", lookup.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlatformRoles.Professional)]
    [InlineData(PlatformRoles.AuditAdmin)]
    public async Task Other_roles_are_refused_the_staff_pages(string role)
    {
        var account = await platform.Accounts.CreateAsync($"t.staff.no.{Guid.NewGuid():N}"[..30], [role], role == PlatformRoles.Professional ? platform.A1.Code : "PO");
        using var browser = await platform.Accounts.SignInAsync(account);
        foreach (var url in new[] { "/staff", "/staff/new", "/staff/import", "/staff/compliance", $"/staff/{Guid.NewGuid()}", $"/staff/{Guid.NewGuid()}/hours" })
        {
            var page = await browser.GetAsync(url);
            Assert.True(
                page.Status == HttpStatusCode.Forbidden || (page.Status == HttpStatusCode.Redirect && page.Location!.Contains("/account/denied", StringComparison.OrdinalIgnoreCase)),
                $"{role} {url}: {(int)page.Status} {page.Location}");
        }
    }

    [Fact]
    public async Task A_refused_registration_shows_each_problem_next_to_its_field_in_Chinese()
    {
        var hrAccount = await platform.Accounts.CreateAsync($"t.staff.form.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.A1.Code);
        using var hr = await platform.Accounts.SignInAsync(hrAccount);
        var form = await hr.GetAsync("/staff/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains(platform.A1.Code, form.Html, StringComparison.Ordinal); // HR's own employer is offered

        var refused = await hr.PostAsync("/staff/new", new Dictionary<string, string?>
        {
            ["Input.IdNumber"] = "37080219900101123",
            ["Input.Name"] = "",
            ["Input.Phone"] = "12345",
            ["Input.EmployerCreditCode"] = platform.A1.Code,
            ["Input.Education"] = "本科",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("<title>错误：", refused.Html, StringComparison.Ordinal);
        foreach (var field in new[] { "Input_IdNumber", "Input_Name", "Input_Phone" })
        {
            Assert.Contains($"id=\"{field}-error\"", refused.Html, StringComparison.Ordinal);
            Assert.Matches($"<(input|select)[^>]*aria-describedby=\"[^\"]*{field}-error\"[^>]*aria-invalid=\"true\"[^>]*id=\"{field}\"|<(input|select)[^>]*aria-invalid=\"true\"[^>]*id=\"{field}\"|id=\"{field}\"[^>]*aria-invalid=\"true\"", refused.Html);
        }

        var nameError = System.Text.RegularExpressions.Regex.Match(refused.Html, "id=\"Input_Name-error\">(.*?)</p>").Groups[1].Value;
        Assert.Contains("姓名", nameError, StringComparison.Ordinal);
        var idError = System.Text.RegularExpressions.Regex.Match(refused.Html, "id=\"Input_IdNumber-error\">(.*?)</p>").Groups[1].Value;
        Assert.Contains("身份证号", idError, StringComparison.Ordinal);
        foreach (var apiName in new[] { "idNumber", "(name)", "（name）", "phone" })
        {
            Assert.DoesNotContain(apiName, nameError + idError, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"12345\"", refused.Html, StringComparison.Ordinal); // the answers are kept
    }
}
