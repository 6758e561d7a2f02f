using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Modules.Transport;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.OData;

[Collection(SharedPlatform.Name)]
public sealed class SubjectsFeedTests(PlatformFixture platform)
{
    private static readonly DepartmentModule[] Modules = [new EducationModule(), new HealthModule(), new TransportModule()];

    [Fact]
    public async Task Subjects_hold_the_public_catalog_and_every_enabled_modules_catalog_with_its_department()
    {
        var feed = await platform.Client.GetJsonAsync("/odata/Subjects?$count=true&$top=1000");

        var expected = PublicSubjectCatalog.Subjects.Count + Modules.Sum(m => m.Catalog.Count);
        Assert.Equal(expected, feed.GetProperty("@odata.count").GetInt32());
        var rows = feed.GetProperty("value").EnumerateArray().ToArray();
        foreach (var module in Modules)
        {
            var own = rows.Where(r => r.GetProperty("ModuleKey").GetString() == module.Manifest.Key).ToArray();
            Assert.Equal(module.Catalog.Select(s => s.Code).Order(), own.Select(r => r.GetProperty("Code").GetString()).Order());
            Assert.All(own, r => Assert.Equal(module.Manifest.DepartmentCode, r.GetProperty("DepartmentCode").GetString()));
            Assert.All(own, r => Assert.Equal("Professional", r.GetProperty("Category").GetString()));
        }

        var publicRows = rows.Where(r => r.GetProperty("Category").GetString() == "Public").ToArray();
        Assert.Equal(PublicSubjectCatalog.Subjects.Count, publicRows.Length);
        Assert.All(publicRows, r => Assert.Equal(Departments.HumanResourcesSocialSecurity, r.GetProperty("DepartmentCode").GetString()));
    }

    [Fact]
    public async Task Filter_select_orderby_and_paging_run_as_one_SQL_statement()
    {
        System.Text.Json.JsonElement feed = default;
        var sql = await platform.Sql.CaptureAsync(async () =>
            feed = await platform.Client.GetJsonAsync("/odata/Subjects?$filter=DefaultCreditHours gt 10 and Category eq 'Professional'&$select=Code,Name,DefaultCreditHours&$orderby=DefaultCreditHours desc,Code&$top=5&$skip=2"));

        var rows = feed.GetProperty("value").EnumerateArray().ToArray();
        Assert.Equal(5, rows.Length);
        Assert.All(rows, r => Assert.True(r.GetProperty("DefaultCreditHours").GetDecimal() > 10));
        Assert.All(rows, r => Assert.Equal(3, r.EnumerateObject().Count()));
        var hours = rows.Select(r => r.GetProperty("DefaultCreditHours").GetDecimal()).ToArray();
        Assert.Equal(hours.OrderDescending(), hours);

        var statement = Assert.Single(sql);
        Assert.Contains("WHERE", statement, StringComparison.Ordinal);
        Assert.Contains("DefaultCreditHours", statement, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", statement, StringComparison.Ordinal);
        Assert.Contains("LIMIT", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_returns_the_total_of_the_filtered_set()
    {
        var feed = await platform.Client.GetJsonAsync("/odata/Subjects?$filter=ModuleKey eq 'health'&$count=true&$top=3");

        Assert.Equal(new HealthModule().Catalog.Count, feed.GetProperty("@odata.count").GetInt32());
        Assert.Equal(3, feed.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Apply_groups_and_aggregates_in_the_database()
    {
        System.Text.Json.JsonElement feed = default;
        var sql = await platform.Sql.CaptureAsync(async () =>
            feed = await platform.Client.GetJsonAsync("/odata/Subjects?$apply=groupby((DepartmentCode),aggregate($count as Subjects,DefaultCreditHours with sum as Hours))"));

        var groups = feed.GetProperty("value").EnumerateArray()
            .ToDictionary(g => g.GetProperty("DepartmentCode").GetString()!, g => (Count: g.GetProperty("Subjects").GetInt32(), Hours: g.GetProperty("Hours").GetDecimal()));
        var health = new HealthModule().Catalog;
        Assert.Equal(health.Count, groups[Departments.Health].Count);
        Assert.Equal(health.Sum(s => s.DefaultCreditHours), groups[Departments.Health].Hours);
        Assert.Equal(PublicSubjectCatalog.Subjects.Count, groups[Departments.HumanResourcesSocialSecurity].Count);
        Assert.Contains(sql, s => s.Contains("GROUP BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expand_follows_navigation_to_the_department_in_one_query()
    {
        System.Text.Json.JsonElement feed = default;
        var sql = await platform.Sql.CaptureAsync(async () =>
            feed = await platform.Client.GetJsonAsync("/odata/Subjects?$filter=ModuleKey eq 'transport'&$expand=Department($select=Name)&$top=1"));

        var row = Assert.Single(feed.GetProperty("value").EnumerateArray());
        Assert.Equal("济宁市交通运输局", row.GetProperty("Department").GetProperty("Name").GetString());
        Assert.Contains("JOIN", Assert.Single(sql), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_subject_is_addressed_by_its_scoped_key()
    {
        var code = new TransportModule().Catalog[0].Code;

        var subject = await platform.Client.GetJsonAsync($"/odata/Subjects('transport:{code}')");
        using var missing = await platform.Client.GetAsync(new Uri("/odata/Subjects('transport:NOPE')", UriKind.Relative));

        Assert.Equal(code, subject.GetProperty("Code").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Departments_regions_and_modules_are_served()
    {
        var departments = await platform.Client.GetJsonAsync("/odata/Departments?$count=true");
        var counties = await platform.Client.GetJsonAsync("/odata/Regions?$filter=Kind ne 'City' and Kind ne 'FunctionalZone'&$orderby=Code");
        var zones = await platform.Client.GetJsonAsync("/odata/Regions?$filter=Kind eq 'FunctionalZone'&$count=true");
        var modules = await platform.Client.GetJsonAsync("/odata/Modules?$orderby=Key&$expand=Department($select=Name)");

        Assert.Equal(19, departments.GetProperty("@odata.count").GetInt32());
        Assert.Equal(
            ["370811", "370812", "370826", "370827", "370828", "370829", "370830", "370831", "370832", "370881", "370883"],
            counties.GetProperty("value").Strings("GbCode"));
        Assert.Equal(3, zones.GetProperty("@odata.count").GetInt32());
        Assert.Equal(["education", "health", "transport"], modules.GetProperty("value").Strings("Key"));
        Assert.Equal("济宁市卫生健康委员会", modules.GetProperty("value")[1].GetProperty("Department").GetProperty("Name").GetString());
    }
}
