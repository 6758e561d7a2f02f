using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Reporting;

/// <summary>
/// The equal-treatment report (<c>GET /api/reports/equal-treatment</c>, page <c>/reports/equal-treatment</c>) over the
/// demo city: both groups have staff and participants, its ownership split of compliance equals the OData
/// <c>$apply</c> groupby over <c>Employer/Ownership</c> and over the row's <c>EmployerOwnership</c> of the same caller (the
/// program office, a county admin) and the REST summary grouped by ownership; other roles are refused. A department
/// admin's split, with staff of an employer it does not see, is in <see cref="EqualTreatmentScopeTests"/>.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class EqualTreatmentTests(PlatformFixture platform)
{
    private const int Year = 2025;

    [Theory]
    [InlineData(PlatformRoles.ProgramOfficeAdmin)]
    [InlineData(PlatformRoles.CountyAdmin)]
    public async Task The_reports_ownership_split_of_compliance_equals_the_odata_apply_of_the_same_caller(string role)
    {
        var client = await platform.ClientAsync(role);
        var report = await client.GetJsonAsync($"/api/reports/equal-treatment?year={Year}");
        Assert.Equal(Year, report.GetProperty("year").GetInt32());

        var odata = (await client.GetJsonAsync(
                $"/odata/Compliance?$apply=filter(CycleStart le {Year} and CycleEnd ge {Year})/groupby((Employer/Ownership,Status),aggregate($count as n))"))
            .GetProperty("value").EnumerateArray()
            .Select(r => (Ownership: r.GetProperty("Employer").GetProperty("Ownership").GetString()!, Status: r.GetProperty("Status").GetString()!, Count: r.GetProperty("n").GetInt32()))
            .ToList();
        Assert.Contains(odata, r => r.Ownership == "NonPublic");
        Assert.Contains(odata, r => r.Ownership == "Public");

        // The ownership stored on the row groups the same rows (these callers see every employer of their rows).
        var stored = (await client.GetJsonAsync(
                $"/odata/Compliance?$apply=filter(CycleStart le {Year} and CycleEnd ge {Year})/groupby((EmployerOwnership,Status),aggregate($count as n))"))
            .GetProperty("value").EnumerateArray()
            .Select(r => (Ownership: r.GetProperty("EmployerOwnership").GetString()!, Status: r.GetProperty("Status").GetString()!, Count: r.GetProperty("n").GetInt32()))
            .ToList();
        Assert.Equal(odata.Order(), stored.Order());

        var summary = await client.GetJsonAsync($"/api/compliance/summary?year={Year}&groupBy=ownership");
        foreach (var (key, property) in new[] { ("Public", "public"), ("NonPublic", "nonPublic") })
        {
            var group = report.GetProperty(property);
            var compliance = group.GetProperty("compliance");
            var rows = odata.Where(r => r.Ownership == key).ToList();
            Assert.Equal(rows.Sum(r => r.Count), compliance.GetProperty("people").GetInt32());
            Assert.Equal(rows.Where(r => r.Status == "Met").Sum(r => r.Count), compliance.GetProperty("met").GetInt32());
            Assert.Equal(rows.Where(r => r.Status == "NotMet").Sum(r => r.Count), compliance.GetProperty("notMet").GetInt32());
            Assert.Equal(rows.Where(r => r.Status == "InProgress").Sum(r => r.Count), compliance.GetProperty("inProgress").GetInt32());

            var summed = summary.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == key);
            Assert.Equal(rows.Sum(r => r.Count), summed.GetProperty("people").GetInt32());
            Assert.Equal(rows.Where(r => r.Status == "Met").Sum(r => r.Count), summed.GetProperty("met").GetInt32());

            // The demo city has staff and participants on both sides.
            Assert.True(group.GetProperty("registered").GetInt32() > 0, $"{key}: nobody registered");
            Assert.True(group.GetProperty("participants").GetInt32() > 0, $"{key}: nobody trained");
            Assert.True(group.GetProperty("hours").GetDecimal() > 0m, $"{key}: no hours");
        }
    }

    [Fact]
    public async Task The_page_shows_both_groups_side_by_side_and_other_roles_are_refused()
    {
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.county-admin"));
        var page = await browser.GetAsync($"/reports/equal-treatment?Year={Year}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"data-equal-treatment=\"{Year}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-scope>任城区</strong>", page.Html, StringComparison.Ordinal);
        Assert.Contains("非公有制单位", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"compliance-rate\"", page.Html, StringComparison.Ordinal);

        var reports = await browser.GetAsync("/reports");
        Assert.Contains("href=\"/reports/equal-treatment", reports.Html, StringComparison.Ordinal);
        var dashboard = await browser.GetAsync($"/dashboard?Year={Year}");
        Assert.Contains($"hx-get=\"/dashboard?handler=equal&amp;Year={Year}\"", dashboard.Html, StringComparison.Ordinal);
        foreach (var section in new[] { $"/dashboard?handler=equal&Year={Year}", $"/dashboard?Year={Year}&Inline=true" })
        {
            var loaded = await browser.GetAsync(section);
            Assert.Contains($"data-equal-treatment=\"{Year}\"", loaded.Html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/reports/equal-treatment?Year={Year}\"", loaded.Html, StringComparison.Ordinal);
        }

        var refused = await browser.GetAsync("/reports/equal-treatment?Year=2031");
        Assert.Contains("form-field-error", refused.Html, StringComparison.Ordinal);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var outside = await office.GetAsync(new Uri("/api/reports/equal-treatment?year=2031", UriKind.Relative));
        await outside.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var employer = await platform.ClientAsync(PlatformRoles.EmployerHr);
        using var forbidden = await employer.GetAsync(new Uri("/api/reports/equal-treatment", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
