using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's figures (<c>GET /api/dashboard</c>) equal the OData <c>$apply</c> aggregates of the same data read
/// by the same caller — the program office city-wide, a county admin (任城区) for their county only — and the
/// dashboard is refused to roles without it.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class DashboardApiTests(PlatformFixture platform)
{
    private const int Year = 2025;
    private const string Training = "(Source eq 'ProjectRoster' or Source eq 'ProviderClass')";

    private static readonly JsonSerializerOptions Enums = new(HttpJson.Answers) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task The_program_offices_figures_equal_the_odata_aggregates_of_the_city()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var view = await office.GetAsAsync<DashboardView>($"/api/dashboard?year={Year}", options: Enums);
        Assert.True(view.Scope.CityWide);
        Assert.Equal("全市", view.Scope.Name);
        var year = Assert.Single(view.Years);
        Assert.True(year.Training.Learners > 0, "the demo city has no approved records in 2025?");
        await AssertEqualsODataAsync(office, year);

        // Targets against actuals by region: the plan's trainees per region are the distinct trainees of the region's records.
        var byRegion = await ODataAsync(office, $"CreditRecords?$apply=filter(Status eq 'Approved' and CreditYear eq {Year} and {Training})/groupby((RegionCode),aggregate(ProfessionalId with countdistinct as Trainees))");
        var regionRows = year.Targets.Where(t => t.Kind == "Region").ToDictionary(t => t.Key, t => t.ActualTrainees);
        Assert.NotEmpty(byRegion);
        foreach (var row in byRegion)
        {
            Assert.Equal(row.GetProperty("Trainees").GetInt32(), regionRows.GetValueOrDefault(row.GetProperty("RegionCode").GetString()!));
        }

        var total = Assert.Single(year.Targets, t => t.Kind == "Total");
        Assert.Equal(year.Training.Trainees, total.ActualTrainees);
        Assert.Contains(year.Targets, t => t.Kind == "ProjectType");

        // The verification log is the program office's: it sees the counts.
        Assert.NotNull(year.Certificates.Verifications);
    }

    [Fact]
    public async Task A_county_admin_sees_only_their_county_and_its_figures_equal_their_odata_aggregates()
    {
        const string County = "370811";
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var view = await county.GetAsAsync<DashboardView>($"/api/dashboard?year={Year}", options: Enums);
        Assert.False(view.Scope.CityWide);
        Assert.Equal([County], view.Scope.RegionCodes);
        Assert.Equal("任城区", view.Scope.Name);
        var year = Assert.Single(view.Years);
        await AssertEqualsODataAsync(county, year);

        // Only the county's own target row; no city totals, types or sectors.
        var target = Assert.Single(year.Targets);
        Assert.Equal(("Region", County), (target.Kind, target.Key));
        Assert.Null(year.Certificates.Verifications);

        // Independently of the platform's filter: the county's compliance rows are those of the people now in the county.
        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var professionals = db.Professionals;
        var people = await db.Compliance.Where(c => c.CycleStart <= Year && c.CycleEnd >= Year)
            .CountAsync(c => professionals.Any(p => p.Id == c.ProfessionalId && p.RegionCode == County));
        Assert.True(people > 0, "no compliance rows in 任城区?");
        Assert.Equal(people, year.Compliance.Total.People);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var city = Assert.Single((await office.GetAsAsync<DashboardView>($"/api/dashboard?year={Year}", options: Enums)).Years);
        Assert.True(year.Compliance.Total.People < city.Compliance.Total.People);
        Assert.True(year.Training.Learners < city.Training.Learners);
        Assert.Equal(city.Targets.Single(t => t.Kind == "Region" && t.Key == County), target);
    }

    [Fact]
    public async Task A_period_has_one_entry_per_year_and_other_roles_are_refused()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var period = await office.GetAsAsync<DashboardView>("/api/dashboard?fromYear=2023&toYear=2025", options: Enums);
        Assert.Equal([2023, 2024, 2025], period.Years.Select(y => y.Year));
        Assert.Equal(12, period.Years[0].Months.Count);

        using var outside = await office.GetAsync(new Uri("/api/dashboard?year=2031", UriKind.Relative));
        await outside.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);

        var employer = await platform.ClientAsync(PlatformRoles.EmployerHr);
        using var refused = await employer.GetAsync(new Uri("/api/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var anonymous = await platform.Factory.CreateClient().GetAsync(new Uri("/api/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_page_shows_a_county_its_own_tables_and_downloads_each_as_an_audited_workbook()
    {
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.county-admin"));
        // The page comes first; each part of the figures loads into its section.
        var frame = await browser.GetAsync($"/dashboard?Year={Year}");
        Assert.Equal(HttpStatusCode.OK, frame.Status);
        Assert.Contains("data-scope>任城区</strong>", frame.Html, StringComparison.Ordinal);
        foreach (var part in new[] { "training", "targets", "compliance", "certificates" })
        {
            Assert.Contains($"hx-get=\"/dashboard?handler=part&amp;Year={Year}&amp;part={part}\" hx-trigger=\"load\"", frame.Html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", frame.Html, StringComparison.Ordinal);
        var compliance = await browser.GetAsync($"/dashboard?handler=part&Year={Year}&part=compliance");
        Assert.Equal(HttpStatusCode.OK, compliance.Status);
        Assert.Contains("data-dashboard-table=\"compliance-region\"", compliance.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/compliance/people?Year=2025&amp;Region=370811\"", compliance.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-dashboard-table=\"months\"", compliance.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/dashboard?handler=part&Year={Year}&part=everything")).Status);

        // Without script, the whole page at once: the same parts.
        var page = await browser.GetAsync($"/dashboard?Year={Year}&Inline=true");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-dashboard-table=\"compliance-region\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-dashboard-table=\"months\"", page.Html, StringComparison.Ordinal);

        // The certificates drill down to the county's certificate list of the year and status.
        var certificates = await browser.GetAsync($"/dashboard?handler=part&Year={Year}&part=certificates");
        Assert.Contains($"href=\"/certificates?Year={Year}&amp;Status=Valid\"", certificates.Html, StringComparison.Ordinal);
        var list = await browser.GetAsync($"/certificates?Year={Year}&Status=Valid");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain("data-status>已作废", list.Html, StringComparison.Ordinal);

        // The city's rows by project type are not the county's.
        Assert.DoesNotContain("data-dashboard-table=\"targets-type\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/dashboard?handler=export&Year={Year}&table=months", UriKind.Relative));
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ImportWorkbooks.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, "an empty workbook?");
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .CountAsync(r => r.Action == AuditActions.DataExported && r.EntityType == "Dashboard" && r.EntityKey == "months"));
        Assert.True(audited >= 1, "the download is audited as an export");

        var employer = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.employer-hr"));
        using (employer)
        {
            var refused = await employer.GetAsync("/dashboard");
            Assert.NotEqual(HttpStatusCode.OK, refused.Status);
        }
    }

    // The year's training, months, compliance and certificates against the caller's own OData aggregates.
    private static async Task AssertEqualsODataAsync(HttpClient client, DashboardYear year)
    {
        var totals = Assert.Single(await ODataAsync(client, $"CreditRecords?$apply=filter(Status eq 'Approved' and CreditYear eq {Year})/aggregate(ProfessionalId with countdistinct as Learners,Hours with sum as Hours)"));
        Assert.Equal(totals.GetProperty("Learners").GetInt32(), year.Training.Learners);
        Assert.Equal(totals.GetProperty("Hours").GetDecimal(), year.Training.Hours);
        var records = await ODataAsync(client, $"CreditRecords?$apply=filter(Status eq 'Approved' and CreditYear eq {Year})/aggregate($count as Records)");
        Assert.Equal(Assert.Single(records).GetProperty("Records").GetInt32(), year.Training.Records);
        var trainees = Assert.Single(await ODataAsync(client, $"CreditRecords?$apply=filter(Status eq 'Approved' and CreditYear eq {Year} and {Training})/aggregate(ProfessionalId with countdistinct as Trainees)"));
        Assert.Equal(trainees.GetProperty("Trainees").GetInt32(), year.Training.Trainees);

        foreach (var month in year.Months)
        {
            var first = new DateOnly(Year, month.Month, 1);
            var range = $"Status eq 'Approved' and Date ge {first:yyyy-MM-dd} and Date le {first.AddMonths(1).AddDays(-1):yyyy-MM-dd}";
            var all = await ODataAsync(client, $"CreditRecords?$apply=filter({range})/aggregate(ProfessionalId with countdistinct as Learners)");
            var trained = await ODataAsync(client, $"CreditRecords?$apply=filter({range} and {Training})/aggregate(ProfessionalId with countdistinct as Trainees)");
            Assert.Equal(Count(all, "Learners"), month.Learners);
            Assert.Equal(Count(trained, "Trainees"), month.Trainees);
        }

        Assert.Contains(year.Months, m => m.Learners > 0);

        var compliance = await ODataAsync(client, $"Compliance?$apply=filter(CycleStart le {Year} and CycleEnd ge {Year})/groupby((RegionCode,Status),aggregate($count as People))");
        var odataPeople = compliance.Sum(r => r.GetProperty("People").GetInt32());
        Assert.Equal(odataPeople, year.Compliance.Total.People);
        Assert.Equal(compliance.Where(r => r.GetProperty("Status").GetString() == "Met").Sum(r => r.GetProperty("People").GetInt32()), year.Compliance.Total.Met);
        foreach (var region in year.Compliance.ByRegion)
        {
            var rows = compliance.Where(r => r.GetProperty("RegionCode").GetString() == region.Key).ToList();
            Assert.Equal(rows.Sum(r => r.GetProperty("People").GetInt32()), region.People);
            Assert.Equal(rows.Where(r => r.GetProperty("Status").GetString() == "Met").Sum(r => r.GetProperty("People").GetInt32()), region.Met);
        }

        var byDepartment = await ODataAsync(client, $"Compliance?$apply=filter(CycleStart le {Year} and CycleEnd ge {Year} and Status eq 'Met')/groupby((DepartmentCode),aggregate($count as Met))");
        Assert.Equal(
            byDepartment.ToDictionary(r => r.GetProperty("DepartmentCode").GetString()!, r => r.GetProperty("Met").GetInt32()),
            year.Compliance.ByDepartment.Where(d => d.Met > 0).ToDictionary(d => d.Key, d => d.Met));
        Assert.Equal(year.Compliance.Total.People, year.Compliance.ByTitleLevel.Sum(t => t.People));

        var certificates = await ODataAsync(client, $"Certificates?$apply=filter(Year eq {Year})/groupby((Status),aggregate($count as Count))");
        Assert.Equal(certificates.Sum(r => r.GetProperty("Count").GetInt32()), year.Certificates.Issued);
        Assert.Equal(certificates.Where(r => r.GetProperty("Status").GetString() == "Valid").Sum(r => r.GetProperty("Count").GetInt32()), year.Certificates.Valid);
        Assert.Equal(certificates.Where(r => r.GetProperty("Status").GetString() == "Revoked").Sum(r => r.GetProperty("Count").GetInt32()), year.Certificates.Revoked);
    }

    private static int Count(List<JsonElement> rows, string property) =>
        rows.Count == 0 ? 0 : rows[0].GetProperty(property).ValueKind == JsonValueKind.Number ? rows[0].GetProperty(property).GetInt32() : int.Parse(rows[0].GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> ODataAsync(HttpClient client, string query)
    {
        var answer = await client.GetJsonAsync("/odata/" + query);
        return [.. answer.GetProperty("value").EnumerateArray()];
    }
}
