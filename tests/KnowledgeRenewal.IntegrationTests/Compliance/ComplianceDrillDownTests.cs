using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Compliance;

/// <summary>
/// The drill-down from a compliance summary to people, over HTTP: <c>GET /api/compliance/people</c> with an employer,
/// sector or region and the page <c>/compliance/people</c> give a county its region's people only and refuse another
/// region's employer (404, as the registry answers); a department gets its sector's people; filters, sort and the
/// export follow the same rows; a bad filter is named next to its field.
/// </summary>
[Collection(CompliancePlatform.Name)]
public sealed class ComplianceDrillDownTests(CompliancePlatformFixture platform)
{
    private const int Year = 2025;

    [Fact]
    public async Task A_county_drills_into_its_own_employer_and_gets_404_for_another_regions_employer()
    {
        var mine = await platform.RegisterAsync(platform.FarmA, "钻取甲区人");
        var theirs = await platform.RegisterAsync(platform.FarmB, "钻取乙区人");
        await platform.AddRecordsAsync(mine, RecordSpec.Public(Year, 10));
        await platform.AddRecordsAsync(theirs, RecordSpec.Public(Year, 10));

        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + CompliancePlatformFixture.CountyA);
        var people = await county.GetJsonAsync($"/api/compliance/people?year={Year}&employerId={platform.FarmA.Id}&pageSize=100");
        var items = people.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("professionalId").GetGuid() == mine);
        Assert.All(items, i => Assert.Equal(platform.FarmA.Id, i.GetProperty("employerId").GetGuid()));
        var row = items.Single(i => i.GetProperty("professionalId").GetGuid() == mine);
        Assert.Equal("达标测试任城农场", row.GetProperty("employerName").GetString());
        Assert.Contains("*", row.GetProperty("idNumberMasked").GetString(), StringComparison.Ordinal);
        Assert.Equal(row.GetProperty("requiredHours").GetDecimal() - row.GetProperty("countedHours").GetDecimal(), row.GetProperty("shortfallHours").GetDecimal());

        // Another region's employer: not found, in the list, the export and the page alike.
        using (var other = await county.GetAsync(new Uri($"/api/compliance/people?year={Year}&employerId={platform.FarmB.Id}", UriKind.Relative)))
        {
            await other.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        using (var export = await county.GetAsync(new Uri($"/api/compliance/people/export?year={Year}&employerId={platform.FarmB.Id}", UriKind.Relative)))
        {
            await export.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        var account = await platform.Accounts.CreateAsync($"t.dd.county.{Guid.NewGuid():N}"[..30], [PlatformRoles.CountyAdmin], "CB-" + CompliancePlatformFixture.CountyA);
        using var browser = await platform.Accounts.SignInAsync(account);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/compliance/people?Year={Year}&EmployerId={platform.FarmB.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/compliance/people?handler=export&Year={Year}&EmployerId={platform.FarmB.Id}")).Status);

        // A region filter cannot widen the scope either: the other region's people stay out.
        var byRegion = await browser.GetAsync($"/compliance/people?Year={Year}&Region={CompliancePlatformFixture.CountyB}");
        Assert.Equal(HttpStatusCode.OK, byRegion.Status);
        Assert.DoesNotContain(theirs.ToString(), byRegion.Html, StringComparison.Ordinal);

        var page = await browser.GetAsync($"/compliance/people?Year={Year}&EmployerId={platform.FarmA.Id}&sort=name");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>达标测试任城农场人员达标情况</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/{mine}/hours?year={Year}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(row.GetProperty("idNumberMasked").GetString()!, page.Html, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"ascending\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), page.Html, StringComparison.Ordinal);

        // The person's hours page the list links to is open to the county.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/staff/{mine}/hours?year={Year}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/staff/{theirs}/hours?year={Year}")).Status);

        // The summary links each employer row to its people.
        var summary = await browser.GetAsync($"/compliance?Year={Year}&GroupBy=employer");
        Assert.Contains($"/compliance/people?Year={Year}&amp;EmployerId={platform.FarmA.Id}", summary.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employer_HR_cannot_drill_into_another_employer()
    {
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.FarmA.Code);
        using var other = await hr.GetAsync(new Uri($"/api/compliance/people?year={Year}&employerId={platform.SchoolA.Id}", UriKind.Relative));
        await other.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        using var own = await hr.GetAsync(new Uri($"/api/compliance/people?year={Year}&employerId={platform.FarmA.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_department_gets_its_sectors_people_filtered_by_status_and_sorted_by_shortfall()
    {
        var short1 = await platform.RegisterAsync(platform.FarmA, "钻取缺得多");
        var short2 = await platform.RegisterAsync(platform.FarmB, "钻取缺得少");
        var school = await platform.RegisterAsync(platform.SchoolA, "钻取教师");
        await platform.AddRecordsAsync(short1, RecordSpec.Public(Year, 2));
        await platform.AddRecordsAsync(short2, RecordSpec.Public(Year, 20), RecordSpec.Professional(Year, 40));
        await platform.AddRecordsAsync(school, RecordSpec.Public(Year, 2));

        var department = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-" + Departments.AgricultureRural);
        var notMet = await department.GetJsonAsync($"/api/compliance/people?year={Year}&status=NotMet&sort=shortfall&dir=desc&pageSize=100");
        var items = notMet.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.GetProperty("professionalId").GetGuid()).ToList();
        Assert.Contains(short1, ids);
        Assert.Contains(short2, ids);
        Assert.DoesNotContain(school, ids);
        Assert.All(items, i => Assert.Equal("NotMet", i.GetProperty("status").GetString()));
        var shortfalls = items.Select(i => i.GetProperty("shortfallHours").GetDecimal()).ToList();
        Assert.Equal(shortfalls.OrderDescending(), shortfalls);
        Assert.True(ids.IndexOf(short1) < ids.IndexOf(short2));

        // The same sector, narrowed to a region; the export has the same people.
        var regionOnly = await department.GetJsonAsync($"/api/compliance/people?year={Year}&region={CompliancePlatformFixture.CountyB}&pageSize=100");
        Assert.All(regionOnly.GetProperty("items").EnumerateArray(), i => Assert.NotEqual(short1, i.GetProperty("professionalId").GetGuid()));
        using var export = await department.GetAsync(new Uri($"/api/compliance/people/export?year={Year}&status=NotMet&department={Departments.AgricultureRural}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);

        using var bad = await department.GetAsync(new Uri($"/api/compliance/people?year={Year}&sort=planet&department=XX", UriKind.Relative));
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var fields = problem.FieldErrors.Select(e => e.Field.ToLowerInvariant()).ToList();
        Assert.Contains("sort", fields);
        Assert.Contains("department", fields);
    }

    [Fact]
    public async Task A_bad_status_on_the_page_is_named_next_to_its_field_and_other_roles_are_refused()
    {
        var account = await platform.Accounts.CreateAsync($"t.dd.bad.{Guid.NewGuid():N}"[..30], [PlatformRoles.CountyAdmin], "CB-" + CompliancePlatformFixture.CountyA);
        using var browser = await platform.Accounts.SignInAsync(account);
        var bad = await browser.GetAsync($"/compliance/people?Year={Year}&Status=planet");
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("<title>错误：", bad.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Status-error\"", bad.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("（status）", bad.Html, StringComparison.Ordinal);

        foreach (var (role, organization) in new[] { (PlatformRoles.EmployerHr, platform.FarmA.Code), (PlatformRoles.ProviderStaff, "PO"), (PlatformRoles.Professional, platform.FarmA.Code) })
        {
            var other = await platform.Accounts.CreateAsync($"t.dd.no.{Guid.NewGuid():N}"[..30], [role], organization);
            using var refusedBrowser = await platform.Accounts.SignInAsync(other);
            var refused = await refusedBrowser.GetAsync("/compliance/people");
            Assert.True(refused.Status == HttpStatusCode.Forbidden || refused.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, $"{role}: {(int)refused.Status} {refused.Location}");
        }
    }
}
