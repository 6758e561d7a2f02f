using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Plans;

/// <summary>
/// Counties' and line departments' own plans under the city's (ADR 0018) through HTTP on the demo city's last year:
/// a county plan beyond the city's target is saved with a warning (shown on the city's plan and its page), refused with
/// <c>plan.share_exceeds_city</c> when the city's plan enforces its shares; a county bureau sets and reads only its own
/// county's plan; a county plan's progress counts only that county (checked with plain SQL).
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class NestedPlanApiTests(PlatformFixture platform)
{
    // The demo's last year: its city plan exists (and the demo's county and department plans under it).
    private const int Year = 2026;
    private const string CountyA = "370811";
    private const string CountyB = "370883";

    private static object Plan(int total, params object[] types) => new
    {
        notes = "县级计划测试",
        targets = new object[] { new { kind = "Total", trainees = total } }.Concat(types).ToArray(),
    };

    private static string? Tag(HttpResponseMessage response) => response.Headers.ETag?.ToString();

    // Reads a nested plan; returns it and the If-Match to send when it exists.
    private static async Task<(JsonElement View, string? IfMatch)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var view = await response.ReadJsonAsync(HttpStatusCode.OK, url);
        return (view, view.GetProperty("exists").GetBoolean() ? Tag(response) : null);
    }

    private static JsonElement CityRow(JsonElement view, string kind, string key) =>
        view.GetProperty("city").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind && c.GetProperty("key").GetString() == key);

    [Fact]
    public async Task A_county_plan_beyond_the_citys_seminar_target_is_saved_with_a_warning_the_city_sees()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, $"CB-{CountyA}");
        var url = $"/api/annual-plans/{Year}/regions/{CountyA}";
        var (before, ifMatch) = await ReadAsync(county, url);
        Assert.False(before.GetProperty("enforceShares").GetBoolean());
        var seminar = CityRow(before, "ProjectType", "AdvancedSeminar");
        var over = checked((int)seminar.GetProperty("leftTrainees").GetInt64() + 1);

        using var saved = await PlatformFixtureBase.SendAsync(county, HttpMethod.Put, url, Plan(
            before.GetProperty("cityShareTrainees").GetInt32(),
            new { kind = "ProjectType", key = "AdvancedSeminar", projects = 1, trainees = over }), ifMatch);
        var view = await saved.ReadJsonAsync(ifMatch is null ? HttpStatusCode.Created : HttpStatusCode.OK, "county plan over the city's seminars");
        var warning = Assert.Single(view.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("Region", "ProjectType", "AdvancedSeminar", "Trainees"), (warning.GetProperty("scope").GetString(), warning.GetProperty("kind").GetString(), warning.GetProperty("key").GetString(), warning.GetProperty("measure").GetString()));
        Assert.Equal(seminar.GetProperty("cityTrainees").GetInt32() + 1, warning.GetProperty("planned").GetInt64());
        Assert.Contains("高级研修项目", warning.GetProperty("message").GetString(), StringComparison.Ordinal);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var city = await office.GetJsonAsync($"/api/annual-plans/{Year}");
        Assert.Contains(city.GetProperty("shareWarnings").EnumerateArray(), w => w.GetProperty("key").GetString() == "AdvancedSeminar" && w.GetProperty("scope").GetString() == "Region");
        var nested = await office.GetJsonAsync($"/api/annual-plans/{Year}/nested");
        var row = nested.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == CountyA);
        Assert.NotEmpty(row.GetProperty("warnings").EnumerateArray());

        using var page = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.program-office"));
        var html = (await page.GetAsync($"/plans/{Year}")).Html;
        Assert.Contains("data-share-warnings", html, StringComparison.Ordinal);
        Assert.Contains($"data-nested=\"Region:{CountyA}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-nested=\"Department:health\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_city_enforces_its_shares_a_county_plan_beyond_them_is_refused()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        await SetEnforceAsync(office, true);
        try
        {
            var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, $"CB-{CountyB}");
            var url = $"/api/annual-plans/{Year}/regions/{CountyB}";
            var (before, ifMatch) = await ReadAsync(county, url);
            Assert.True(before.GetProperty("enforceShares").GetBoolean());
            var capacity = CityRow(before, "ProjectType", "CapacityBuilding");
            var over = checked((int)capacity.GetProperty("leftTrainees").GetInt64() + 1);

            using (var refused = await PlatformFixtureBase.SendAsync(county, HttpMethod.Put, url, Plan(Math.Max(over, 1), new { kind = "ProjectType", key = "CapacityBuilding", trainees = over }), ifMatch))
            {
                var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "plan.share_exceeds_city");
                Assert.Contains("能力提升", problem.Detail, StringComparison.Ordinal);
            }

            // Nothing was written: the plan is as it was.
            var (after, _) = await ReadAsync(county, url);
            Assert.Equal(before.GetProperty("exists").GetBoolean(), after.GetProperty("exists").GetBoolean());
            Assert.Equal(before.GetProperty("targets").GetRawText(), after.GetProperty("targets").GetRawText());

            // Within the city's targets and its share, the same county's plan is saved even while enforced.
            var within = Math.Min(before.GetProperty("cityShareTrainees").GetInt32(), (int)CityRow(before, "Total", "").GetProperty("leftTrainees").GetInt64());
            using var saved = await PlatformFixtureBase.SendAsync(county, HttpMethod.Put, url, Plan(within), ifMatch);
            var view = await saved.ReadJsonAsync(ifMatch is null ? HttpStatusCode.Created : HttpStatusCode.OK, "county plan within the city's");
            Assert.Empty(view.GetProperty("warnings").EnumerateArray());
        }
        finally
        {
            await SetEnforceAsync(office, false);
        }
    }

    [Fact]
    public async Task A_county_bureau_sets_and_reads_only_its_own_countys_plan()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, $"CB-{CountyA}");
        using (var other = await PlatformFixtureBase.SendAsync(county, HttpMethod.Put, $"/api/annual-plans/{Year}/regions/{CountyB}", Plan(10)))
        {
            await other.AssertProblemAsync(HttpStatusCode.Forbidden, "plan.not_plan_owner");
        }

        using (var read = await county.GetAsync(new Uri($"/api/annual-plans/{Year}/regions/{CountyB}", UriKind.Relative)))
        {
            await read.AssertProblemAsync(HttpStatusCode.Forbidden, "plan.not_plan_owner");
        }

        using (var department = await PlatformFixtureBase.SendAsync(county, HttpMethod.Put, $"/api/annual-plans/{Year}/departments/health", Plan(10)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, department.StatusCode);
        }

        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health");
        using (var region = await PlatformFixtureBase.SendAsync(health, HttpMethod.Put, $"/api/annual-plans/{Year}/regions/{CountyA}", Plan(10)))
        {
            await region.AssertProblemAsync(HttpStatusCode.Forbidden, "plan.not_plan_owner");
        }

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using (var byOffice = await PlatformFixtureBase.SendAsync(office, HttpMethod.Put, $"/api/annual-plans/{Year}/regions/{CountyA}", Plan(10)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        }

        // Side by side: the county sees its own row only, the office every county and department.
        var own = await county.GetJsonAsync($"/api/annual-plans/{Year}/nested");
        Assert.Equal([CountyA], own.GetProperty("rows").Strings("code"));
        var all = await office.GetJsonAsync($"/api/annual-plans/{Year}/nested");
        Assert.Contains(CountyB, all.GetProperty("rows").Strings("code"));
        Assert.Contains("health", all.GetProperty("rows").Strings("code"));
        var feed = await county.GetJsonAsync($"/odata/AnnualPlans?$filter=Year eq {Year}");
        Assert.DoesNotContain(feed.GetProperty("value").EnumerateArray(), p => p.GetProperty("ScopeCode").GetString() == CountyB);
        Assert.Contains(feed.GetProperty("value").EnumerateArray(), p => p.GetProperty("Scope").GetString() == "City");

        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.county-admin"));
        var page = await browser.GetAsync($"/plans/{Year}/regions/{CountyB}/edit");
        Assert.NotEqual(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task A_county_plans_progress_counts_only_that_county()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, $"CB-{CountyA}");
        var url = $"/api/annual-plans/{Year}/regions/{CountyA}";
        var (before, ifMatch) = await ReadAsync(county, url);
        using var saved = await PlatformFixtureBase.SendAsync(county, HttpMethod.Put, url, Plan(100, new { kind = "ProjectType", key = "CapacityBuilding", trainees = 50 }), ifMatch);
        var view = await saved.ReadJsonAsync(ifMatch is null ? HttpStatusCode.Created : HttpStatusCode.OK, "county plan with a capacity-building target");
        Assert.True(before.GetProperty("exists").GetBoolean(), "the demo's county plan");
        var targets = view.GetProperty("targets").EnumerateArray().ToDictionary(t => $"{t.GetProperty("kind").GetString()}:{t.GetProperty("key").GetString()}");

        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var trained = $"""
            FROM "CreditRecords" r WHERE r."CreditYear" = {Year} AND r."Status" = 'Approved' AND r."Source" IN ('ProjectRoster', 'ProviderClass')
            """;
        var inCounty = await CountAsync(db, $"SELECT COUNT(DISTINCT r.\"ProfessionalId\") AS \"Value\" {trained} AND r.\"RegionCode\" = '{CountyA}'");
        var cityWide = await CountAsync(db, $"SELECT COUNT(DISTINCT r.\"ProfessionalId\") AS \"Value\" {trained}");
        var seminarsInCounty = await CountAsync(db, $"""
            SELECT COUNT(DISTINCT r."ProfessionalId") AS "Value" {trained} AND r."RegionCode" = '{CountyA}'
              AND EXISTS (SELECT 1 FROM "TrainingClasses" c JOIN "Projects" p ON p."Id" = c."ProjectId" WHERE c."Id" = r."ClassId" AND p."Type" = 'CapacityBuilding')
            """);

        Assert.True(inCounty > 0 && inCounty < cityWide, $"the demo trains people in {CountyA} and elsewhere in {Year} ({inCounty} of {cityWide})");
        Assert.Equal(inCounty, targets["Total:"].GetProperty("actualTrainees").GetInt32());
        Assert.Equal(seminarsInCounty, targets["ProjectType:CapacityBuilding"].GetProperty("actualTrainees").GetInt32());

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var city = await office.GetJsonAsync($"/api/annual-plans/{Year}");
        var regionShare = city.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Region" && t.GetProperty("key").GetString() == CountyA);
        Assert.Equal(inCounty, regionShare.GetProperty("actualTrainees").GetInt32());
        var row = (await office.GetJsonAsync($"/api/annual-plans/{Year}/nested")).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == CountyA);
        Assert.Equal(inCounty, row.GetProperty("facts").GetProperty("trainees").GetInt32());
    }

    // The city's plan with the same targets and notes, enforcing its shares or not.
    private static async Task SetEnforceAsync(HttpClient office, bool enforce)
    {
        using var read = await office.GetAsync(new Uri($"/api/annual-plans/{Year}", UriKind.Relative));
        var plan = await read.ReadJsonAsync(HttpStatusCode.OK, "city plan");
        var targets = plan.GetProperty("targets").EnumerateArray().Select(t => new
        {
            kind = t.GetProperty("kind").GetString(),
            key = t.GetProperty("key").GetString(),
            projects = t.GetProperty("targetProjects").ValueKind == JsonValueKind.Number ? t.GetProperty("targetProjects").GetInt32() : (int?)null,
            trainees = t.GetProperty("targetTrainees").GetInt32(),
        }).ToArray();
        var notes = plan.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        using var saved = await PlatformFixtureBase.SendAsync(office, HttpMethod.Put, $"/api/annual-plans/{Year}", new { notes, enforceShares = enforce, targets }, Tag(read));
        var view = await saved.ReadJsonAsync(HttpStatusCode.OK, "city plan enforce");
        Assert.Equal(enforce, view.GetProperty("enforceShares").GetBoolean());
    }

    private static async Task<int> CountAsync(PlatformDbContext db, string sql) =>
        await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
}
