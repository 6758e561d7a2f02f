using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Modules;

/// <summary>The health module's own entity, REST endpoints, handlers and OData feed.</summary>
[Collection(SharedPlatform.Name)]
public sealed class HealthModuleTests(PlatformFixture platform)
{
    [Fact]
    public async Task Demo_data_holds_several_years_of_CME_projects()
    {
        var years = await (await platform.ClientAsync(PlatformRoles.CountyAdmin)).GetJsonAsync("/odata/health/CmeProjects?$apply=filter(Year le 2026)/groupby((Year),aggregate($count as Projects))&$orderby=Year");

        var perYear = years.GetProperty("value").EnumerateArray().ToDictionary(y => y.GetProperty("Year").GetInt32(), y => y.GetProperty("Projects").GetInt32());
        Assert.Equal([2023, 2024, 2025, 2026], perYear.Keys);
        Assert.All(perYear.Values, count => Assert.InRange(count, 140, 180));
    }

    [Fact]
    public async Task Projects_are_listed_newest_first_with_filters_and_paging()
    {
        var page = await (await platform.ClientAsync(PlatformRoles.CountyAdmin)).GetJsonAsync("/api/health/cme-projects?year=2025&level=National&pageSize=5");

        var items = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(5, items.Length);
        Assert.True(page.GetProperty("total").GetInt32() > 5);
        Assert.All(items, p => Assert.Equal(2025, p.GetProperty("year").GetInt32()));
        Assert.All(items, p => Assert.Equal("National", p.GetProperty("level").GetString()));
        var starts = items.Select(p => p.GetProperty("startDate").GetString()).ToArray();
        Assert.Equal(starts.OrderDescending(StringComparer.Ordinal), starts);
    }

    [Fact]
    public async Task A_valid_project_is_registered_once_and_a_second_time_is_a_conflict()
    {
        var project = new
        {
            projectNumber = "2027-04-01-901(国)",
            title = "胸痛中心建设与急性心梗规范化救治培训班",
            level = "National",
            subjectCode = "WS-XZZX",
            hostOrganization = "济宁医学院附属医院",
            startDate = "2027-09-10",
            endDate = "2027-09-12",
            credits = 6,
            capacity = 200,
        };

        var healthAdmin = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        using var refused = await (await platform.ClientAsync(PlatformRoles.CountyAdmin)).PostAsJsonAsync(new Uri("/api/health/cme-projects", UriKind.Relative), project);
        using var created = await healthAdmin.PostAsJsonAsync(new Uri("/api/health/cme-projects", UriKind.Relative), project);
        var body = await created.ReadJsonAsync(HttpStatusCode.Created, "register");
        using var again = await healthAdmin.PostAsJsonAsync(new Uri("/api/health/cme-projects", UriKind.Relative), project);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2027, body.GetProperty("year").GetInt32());
        Assert.Equal($"/api/health/cme-projects/{body.GetProperty("id").GetInt32()}", created.Headers.Location?.OriginalString);
        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict, ProblemCodes.Conflict);
        Assert.Contains("2027-04-01-901(国)", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_project_is_refused_with_every_field_named_and_nothing_written()
    {
        var before = await (await platform.ClientAsync(PlatformRoles.CountyAdmin)).GetJsonAsync("/odata/health/CmeProjects?$count=true&$top=0");
        var project = new
        {
            projectNumber = "",
            title = "测试项目",
            level = "National",
            subjectCode = "WS-NOPE",
            hostOrganization = "济宁市第一人民医院",
            startDate = "2026-05-10",
            endDate = "2026-05-01",
            credits = 12.25,
            capacity = 0,
        };

        using var response = await (await platform.ClientAsync(PlatformRoles.DepartmentAdmin)).PostAsJsonAsync(new Uri("/api/health/cme-projects", UriKind.Relative), project);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var fields = problem.FieldErrors.Select(e => (Field: e.Field, Code: e.Code)).ToArray();
        Assert.Contains(("projectNumber", "required"), fields);
        Assert.Contains(("subjectCode", "unknown_subject"), fields);
        Assert.Contains(("endDate", "before_start"), fields);
        Assert.Contains(("credits", "out_of_range"), fields);
        Assert.Contains(("capacity", "out_of_range"), fields);
        Assert.All(problem.FieldErrors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        var after = await (await platform.ClientAsync(PlatformRoles.CountyAdmin)).GetJsonAsync("/odata/health/CmeProjects?$count=true&$top=0");
        Assert.Equal(before.GetProperty("@odata.count").GetInt32(), after.GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task Paging_parameters_are_validated()
    {
        using var response = await (await platform.ClientAsync(PlatformRoles.CountyAdmin)).GetAsync(new Uri("/api/health/cme-projects?pageSize=1000", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("pageSize", problem.FieldErrors[0].Field);
    }

    [Fact]
    public async Task Module_rules_are_served_with_the_set_in_force()
    {
        var book = await platform.Client.GetJsonAsync("/api/rules/health?on=2025-06-30");

        var inForce = book.GetProperty("inForce");
        Assert.Equal("Credit", inForce.GetProperty("unit").GetString());
        Assert.Equal(25m, inForce.GetProperty("requiredTotal").GetDecimal());
        Assert.Equal(3m, inForce.GetProperty("hoursPerUnit").GetDecimal());
        Assert.Equal(["I", "II"], inForce.GetProperty("requirements").Strings("creditClass"));
    }

    [Fact]
    public async Task The_modules_own_page_lists_the_same_projects_as_its_api_in_chinese_and_the_menu_offers_it()
    {
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.county-admin"));
        var api = await (await platform.ClientAsync(PlatformRoles.CountyAdmin)).GetJsonAsync("/api/health/cme-projects?year=2025&level=Provincial&pageSize=20");

        var page = await browser.GetAsync("/modules/health/cme-projects?year=2025&level=Provincial");
        var second = await browser.GetAsync("/modules/health/cme-projects?year=2025&level=Provincial&page=2");
        var workbench = await browser.GetAsync("/workbench");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>继续医学教育项目</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"共 {api.GetProperty("total").GetInt32()} 个项目", page.Html, StringComparison.Ordinal);
        Assert.All(api.GetProperty("items").EnumerateArray(), p => Assert.Contains(p.GetProperty("projectNumber").GetString()!, page.Html, StringComparison.Ordinal));
        Assert.Contains("省级", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Provincial</td>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(api.GetProperty("items")[0].GetProperty("projectNumber").GetString()!, second.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/modules/health/cme-projects\"", workbench.Html, StringComparison.Ordinal);
        Assert.Contains("继续医学教育项目（卫生健康）", await platform.Client.GetStringAsync(new Uri("/api/overview", UriKind.Relative)), StringComparison.Ordinal);

        // The module's pages are for business roles: a separated administrator is neither offered the entry nor let in.
        using var security = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.security-admin"));
        var securityWorkbench = await security.GetAsync("/workbench");
        Assert.DoesNotContain("href=\"/modules/health/cme-projects\"", securityWorkbench.Html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await security.GetAsync("/modules/health/cme-projects")).Status);
    }
}
