using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>
/// The program office's credit-hour pages and the system administrator's pages over HTTP: who may open them (403 or
/// the denied page for everyone else), the certificates' scope and filters, the problems shown next to their fields in
/// Chinese, and the outcome read back through the API.
/// </summary>
[Collection(CertificatePlatform.Name)]
public sealed class OfficeCreditPagesTests(CertificatePlatformFixture platform)
{
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task The_program_office_lists_the_citys_certificates_by_region_and_revokes_one_with_a_reason()
    {
        var inA = await platform.RegisterAsync(platform.A1, "证明甲区");
        var inB = await platform.RegisterAsync(platform.B1, "证明乙区");
        await platform.AddRecordsAsync(inA.Id, Year, (CreditCategory.Public, 30, "公需科目在线学习"));
        await platform.AddRecordsAsync(inB.Id, Year, (CreditCategory.Public, 30, "公需科目在线学习"));
        var certificateA = (await platform.IssueAsync(inA.Id, Year)).GetProperty("id").GetGuid();
        var certificateB = (await platform.IssueAsync(inB.Id, Year)).GetProperty("id").GetGuid();

        var office = await platform.Accounts.CreateAsync($"t.oc.po.{Guid.NewGuid():N}"[..30], [PlatformRoles.ProgramOfficeAdmin], ProgramOrganizations.ProgramOfficeCode);
        using var browser = await platform.Accounts.SignInAsync(office);
        var all = await browser.GetAsync($"/certificates?Year={Year}");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Contains($"/certificates/{certificateA}/revoke", all.Html, StringComparison.Ordinal);
        Assert.Contains($"/certificates/{certificateB}/revoke", all.Html, StringComparison.Ordinal);
        var regionA = await browser.GetAsync($"/certificates?Year={Year}&Region={CertificatePlatformFixture.CountyA}");
        Assert.Contains($"data-certificate=\"{certificateA}\"", regionA.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-certificate=\"{certificateB}\"", regionA.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(inA.IdNumber, regionA.Html, StringComparison.Ordinal);
        var badRegion = await browser.GetAsync("/certificates?Region=999999");
        Assert.Contains("<title>错误：", badRegion.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Region-error\"", badRegion.Html, StringComparison.Ordinal);

        // No reason: the problem next to the field, in the label's words; nothing revoked.
        var form = await browser.GetAsync($"/certificates/{certificateA}/revoke");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var missing = await browser.PostAsync($"/certificates/{certificateA}/revoke", Fields(form.Html, reason: "", confirmed: false));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("<title>错误：", missing.Html, StringComparison.Ordinal);
        Assert.Matches("id=\"Reason-error\"><span class=\"visually-hidden\">错误：</span>请填写作废理由", missing.Html);
        Assert.Equal(1, missing.ErrorSummaries);
        Assert.DoesNotContain("（reason）", missing.Html, StringComparison.Ordinal);

        // A reason asks to confirm; the confirmation revokes.
        var asked = await browser.PostAsync($"/certificates/{certificateA}/revoke", Fields(form.Html, reason: "冒名参训，予以作废。", confirmed: false));
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("确认作废学时证明", asked.Html, StringComparison.Ordinal);
        var done = await browser.PostAsync($"/certificates/{certificateA}/revoke", Fields(asked.Html, reason: "冒名参训，予以作废。", confirmed: true));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/certificates", done.LocationPath);

        var api = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var revoked = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/certificates/{certificateA}", UriKind.Relative)));
        Assert.Equal("Revoked", revoked.RootElement.GetProperty("status").GetString());
        Assert.Equal("冒名参训，予以作废。", revoked.RootElement.GetProperty("revocationReason").GetString());
        var revokedList = await browser.GetAsync($"/certificates?Year={Year}&Status=Revoked");
        Assert.Contains($"data-certificate=\"{certificateA}\"", revokedList.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/certificates/{certificateA}/revoke", revokedList.Html, StringComparison.Ordinal);

        // A county sees its own region's certificates only and may not revoke.
        var county = await platform.Accounts.CreateAsync($"t.oc.cb.{Guid.NewGuid():N}"[..30], [PlatformRoles.CountyAdmin], "CB-" + CertificatePlatformFixture.CountyB);
        using var countyBrowser = await platform.Accounts.SignInAsync(county);
        var countyList = await countyBrowser.GetAsync($"/certificates?Year={Year}");
        Assert.Contains($"data-certificate=\"{certificateB}\"", countyList.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-certificate=\"{certificateA}\"", countyList.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/revoke", countyList.Html, StringComparison.Ordinal);
        AssertRefused(await countyBrowser.GetAsync($"/certificates/{certificateB}/revoke"), "county on revoke");
    }

    [Fact]
    public async Task Only_the_program_office_recomputes_and_a_bad_year_is_named_next_to_its_field()
    {
        foreach (var role in new[] { PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.SystemAdmin, PlatformRoles.Professional })
        {
            using var other = await SignInAsync(role);
            AssertRefused(await other.GetAsync("/compliance/recompute"), $"{role} on /compliance/recompute");
            AssertRefused(await other.GetAsync($"/compliance/recompute/{Guid.NewGuid()}"), $"{role} on a job");
        }

        using var office = await SignInAsync(PlatformRoles.ProgramOfficeAdmin);
        var form = await office.GetAsync("/compliance/recompute");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("<option value=\"platform\"", form.Html, StringComparison.Ordinal);
        var refused = await office.PostAsync("/compliance/recompute", new Dictionary<string, string?> { ["Year"] = "1999", ["Module"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<title>错误：", refused.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Year-error\"", refused.Html, StringComparison.Ordinal);
        Assert.Equal(1, refused.ErrorSummaries);
        Assert.DoesNotContain("（year）", refused.Html, StringComparison.Ordinal);
        var unknownScope = await office.PostAsync("/compliance/recompute", new Dictionary<string, string?> { ["Year"] = Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Module"] = "astronomy" });
        Assert.Contains("id=\"Module-error\"", unknownScope.Html, StringComparison.Ordinal);

        var started = await office.PostAsync("/compliance/recompute", new Dictionary<string, string?> { ["Year"] = Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Module"] = "platform" });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var id = Guid.Parse(started.LocationPath!["/compliance/recompute/".Length..]);
        var api = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var job = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/compliance/recompute/{id}?wait=30", UriKind.Relative)));
        Assert.Equal("Completed", job.RootElement.GetProperty("status").GetString());
        var progress = await office.GetAsync($"/compliance/recompute/{id}?handler=progress");
        Assert.Contains("data-job-status=\"Completed\"", progress.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("hx-trigger", progress.Html, StringComparison.Ordinal); // it stops polling once done
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/compliance/recompute/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task The_system_administrators_pages_are_theirs_alone_and_show_what_the_API_shows()
    {
        string[] pages = ["/admin/modules", "/admin/health", "/admin/configuration"];
        foreach (var role in new[] { PlatformRoles.ProgramOfficeAdmin, PlatformRoles.SecurityAdmin, PlatformRoles.AuditAdmin, PlatformRoles.CountyAdmin })
        {
            using var other = await SignInAsync(role);
            foreach (var address in pages)
            {
                AssertRefused(await other.GetAsync(address), $"{role} on {address}");
            }
        }

        using var admin = await SignInAsync(PlatformRoles.SystemAdmin);
        var api = await platform.ClientAsync(PlatformRoles.SystemAdmin);
        using var modules = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/admin/modules", UriKind.Relative)));
        var page = await admin.GetAsync("/admin/modules");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"data-module-count>{modules.RootElement.GetArrayLength()}<", page.Html, StringComparison.Ordinal);
        foreach (var module in modules.RootElement.EnumerateArray())
        {
            Assert.Contains($"data-module=\"{module.GetProperty("key").GetString()}\"", page.Html, StringComparison.Ordinal);
        }

        using var health = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/admin/health", UriKind.Relative)));
        Assert.True(health.RootElement.GetProperty("database").GetProperty("ready").GetBoolean());
        var healthPage = await admin.GetAsync("/admin/health");
        Assert.Contains("data-database-ready=\"true\"", healthPage.Html, StringComparison.Ordinal);
        Assert.Contains(health.RootElement.GetProperty("database").GetProperty("provider").GetString()!, healthPage.Html, StringComparison.Ordinal);

        using var changes = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/admin/configuration-changes", UriKind.Relative)));
        Assert.True(changes.RootElement.GetProperty("total").GetInt32() >= 1);
        var configuration = await admin.GetAsync("/admin/configuration");
        Assert.Equal(HttpStatusCode.OK, configuration.Status);
        Assert.Contains("data-configuration-changes", configuration.Html, StringComparison.Ordinal);
        Assert.Contains("初始配置", configuration.Html, StringComparison.Ordinal); // the first start's baseline
        Assert.DoesNotContain("sha256:", configuration.Html, StringComparison.Ordinal); // secrets only as fingerprints, worded

        var workbench = await admin.GetAsync("/workbench");
        Assert.Contains("系统运行状况", workbench.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/modules\"", workbench.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manual_adjustments_record_correct_as_a_linked_correction_and_revoke_with_a_reason()
    {
        var person = await platform.RegisterAsync(platform.A1, "手工登记");
        using var hr = await SignInAsync(PlatformRoles.EmployerHr);
        AssertRefused(await hr.GetAsync($"/reviews/records/new?professionalId={person.Id}"), "employer HR on a manual record");

        using var office = await SignInAsync(PlatformRoles.ProgramOfficeAdmin);
        var hours = await office.GetAsync($"/staff/{person.Id}/hours");
        Assert.Contains($"/reviews/records/new?professionalId={person.Id}", hours.Html, StringComparison.Ordinal);
        var form = await office.GetAsync($"/reviews/records/new?professionalId={person.Id}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/reviews/records/new?professionalId={Guid.NewGuid()}")).Status);

        // Nothing filled in: each problem next to its field, in the label's words, no API names.
        var empty = await office.PostAsync($"/reviews/records/new?professionalId={person.Id}", new Dictionary<string, string?> { ["ProfessionalId"] = person.Id.ToString(), ["Input.Unit"] = "Hour", ["Input.Source"] = "ManualAdjustment" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("<title>错误：", empty.Html, StringComparison.Ordinal);
        foreach (var field in new[] { "Input_Title", "Input_Date", "Input_Category", "Input_Amount" })
        {
            Assert.Contains($"id=\"{field}-error\"", empty.Html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("（amount）", empty.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("（Public）", empty.Html, StringComparison.Ordinal);

        var date = new DateOnly(Year, 6, 30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recorded = await office.PostAsync($"/reviews/records/new?professionalId={person.Id}", new Dictionary<string, string?>
        {
            ["ProfessionalId"] = person.Id.ToString(),
            ["Input.Title"] = "补录：全市专业技术人员职业道德专题讲座",
            ["Input.Date"] = date,
            ["Input.Category"] = "Public",
            ["Input.Amount"] = "8",
            ["Input.Unit"] = "Hour",
            ["Input.Source"] = "ManualAdjustment",
            ["Input.Note"] = "依据主办单位出具的签到表补录。",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var firstId = Guid.Parse(recorded.LocationPath!["/reviews/records/".Length..]);
        var api = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using (var first = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/credit-records/{firstId}", UriKind.Relative))))
        {
            Assert.Equal(("Approved", "ManualAdjustment", 8m), (first.RootElement.GetProperty("status").GetString(), first.RootElement.GetProperty("source").GetString(), first.RootElement.GetProperty("hours").GetDecimal()));
        }

        // A correction needs a reason; with one, the old record is revoked and the new one points back at it.
        var correctForm = await office.GetAsync($"/reviews/records/{firstId}/correct");
        Assert.Equal(HttpStatusCode.OK, correctForm.Status);
        var version = System.Text.RegularExpressions.Regex.Match(correctForm.Html, "name=\"Version\" value=\"([^\"]*)\"").Groups[1].Value;
        var correction = new Dictionary<string, string?>
        {
            ["Version"] = WebUtility.HtmlDecode(version),
            ["Input.Title"] = "补录：全市专业技术人员职业道德专题讲座",
            ["Input.Date"] = date,
            ["Input.Category"] = "Public",
            ["Input.Amount"] = "6",
        };
        var noReason = await office.PostAsync($"/reviews/records/{firstId}/correct", correction);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("id=\"Input_Reason-error\"", noReason.Html, StringComparison.Ordinal);
        correction["Input.Reason"] = "签到表显示实际参加 6 学时。";
        var corrected = await office.PostAsync($"/reviews/records/{firstId}/correct", correction);
        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        var secondId = Guid.Parse(corrected.LocationPath!["/reviews/records/".Length..]);
        using (var old = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/credit-records/{firstId}", UriKind.Relative))))
        using (var fresh = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/credit-records/{secondId}", UriKind.Relative))))
        {
            Assert.Equal("Revoked", old.RootElement.GetProperty("status").GetString());
            Assert.Equal(secondId, old.RootElement.GetProperty("correctedByRecordId").GetGuid());
            Assert.Equal(firstId, fresh.RootElement.GetProperty("correctsRecordId").GetGuid());
            Assert.Equal(6m, fresh.RootElement.GetProperty("hours").GetDecimal());
        }

        // Revoking asks for a reason next to the field, then for a confirmation.
        var shown = await office.GetAsync($"/reviews/records/{secondId}");
        Assert.Contains($"/reviews/records/{firstId}", shown.Html, StringComparison.Ordinal);
        var revokeVersion = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(shown.Html, "name=\"Version\" value=\"([^\"]*)\"").Groups[1].Value);
        var withoutReason = await office.PostAsync($"/reviews/records/{secondId}?handler=revoke", new Dictionary<string, string?> { ["Version"] = revokeVersion, ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.Status);
        Assert.Contains("id=\"Reason-error\"", withoutReason.Html, StringComparison.Ordinal);
        var asked = await office.PostAsync($"/reviews/records/{secondId}?handler=revoke", new Dictionary<string, string?> { ["Version"] = revokeVersion, ["Reason"] = "主办单位撤回签到表。" });
        Assert.Contains("确认撤销该学时记录", asked.Html, StringComparison.Ordinal);
        var revoked = await office.PostAsync($"/reviews/records/{secondId}?handler=revoke", new Dictionary<string, string?> { ["Version"] = revokeVersion, ["Reason"] = "主办单位撤回签到表。", ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        using var last = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/credit-records/{secondId}", UriKind.Relative)));
        Assert.Equal("Revoked", last.RootElement.GetProperty("status").GetString());
    }

    private async Task<WebBrowser> SignInAsync(string role)
    {
        var organization = role switch
        {
            PlatformRoles.CountyAdmin => "CB-" + CertificatePlatformFixture.CountyA,
            PlatformRoles.DepartmentAdmin => "LD-health",
            PlatformRoles.Professional or PlatformRoles.EmployerHr => platform.A1.Code,
            _ => ProgramOrganizations.ProgramOfficeCode,
        };
        var account = await platform.Accounts.CreateAsync($"t.oc.{Guid.NewGuid():N}"[..30], [role], organization);
        return await platform.Accounts.SignInAsync(account);
    }

    private static void AssertRefused(WebPage page, string what) =>
        Assert.True(
            page.Status == HttpStatusCode.Forbidden || page.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true,
            $"{what}: {(int)page.Status} {page.Location}");

    private static Dictionary<string, string?> Fields(string html, string reason, bool confirmed)
    {
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"([^\"]*)\"").Groups[1].Value;
        return new Dictionary<string, string?>
        {
            ["Version"] = WebUtility.HtmlDecode(version),
            ["Reason"] = reason,
            ["Confirmed"] = confirmed ? "true" : null,
        };
    }
}
