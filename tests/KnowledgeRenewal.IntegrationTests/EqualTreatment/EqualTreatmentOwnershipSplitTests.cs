using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.EqualTreatment;

/// <summary>
/// 同等待遇 measured (ADR 0018): the dashboard's compliance split by employer ownership equals OData's <c>$apply</c>
/// over the same data read by the same caller (the program office city-wide, a county admin for its county); the
/// participation split adds up to the year's figures and matches plain SQL; the comparison report (API and page) shows
/// the same figures.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class EqualTreatmentOwnershipSplitTests(PlatformFixture platform)
{
    private const int Year = 2025;

    [Fact]
    public async Task The_ownership_split_of_compliance_equals_odata_apply_over_the_same_data()
    {
        foreach (var client in new[] { await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin), await platform.ClientAsync(PlatformRoles.CountyAdmin) })
        {
            var dashboard = await client.GetJsonAsync($"/api/dashboard?year={Year}");
            var year = Assert.Single(dashboard.GetProperty("years").EnumerateArray());
            var split = year.GetProperty("compliance").GetProperty("byOwnership").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
            Assert.Equal(["Public", "NonPublic"], split.Keys);

            var odata = await client.GetJsonAsync($"/odata/Compliance?$apply=filter(CycleStart le {Year} and CycleEnd ge {Year})/groupby((Employer/Ownership,Status),aggregate($count as People))");
            var rows = odata.GetProperty("value").EnumerateArray()
                .Select(r => (Ownership: r.GetProperty("Employer").GetProperty("Ownership").GetString()!, Status: r.GetProperty("Status").GetString()!, People: r.GetProperty("People").GetInt32()))
                .ToList();
            Assert.NotEmpty(rows);
            foreach (var (ownership, group) in split)
            {
                var of = rows.Where(r => r.Ownership == ownership).ToList();
                Assert.Equal(of.Sum(r => r.People), group.GetProperty("people").GetInt32());
                Assert.Equal(of.Where(r => r.Status == "Met").Sum(r => r.People), group.GetProperty("met").GetInt32());
                Assert.Equal(of.Where(r => r.Status == "NotMet").Sum(r => r.People), group.GetProperty("notMet").GetInt32());
                Assert.Equal(of.Where(r => r.Status == "InProgress").Sum(r => r.People), group.GetProperty("inProgress").GetInt32());
            }

            // The split is a split: it adds up to the year's total.
            Assert.Equal(year.GetProperty("compliance").GetProperty("total").GetProperty("people").GetInt32(), split.Values.Sum(g => g.GetProperty("people").GetInt32()));

            // The comparison report shows the same compliance figures.
            var report = await client.GetJsonAsync($"/api/reports/equal-treatment?fromYear={Year}&toYear={Year}");
            var reportYear = Assert.Single(report.GetProperty("years").EnumerateArray());
            foreach (var group in reportYear.GetProperty("groups").EnumerateArray())
            {
                var key = group.GetProperty("ownership").GetString()!;
                Assert.Equal(split[key].GetProperty("people").GetInt32(), group.GetProperty("compliance").GetProperty("people").GetInt32());
                Assert.Equal(split[key].GetProperty("rate").GetDecimal(), group.GetProperty("compliance").GetProperty("rate").GetDecimal());
            }
        }
    }

    [Fact]
    public async Task The_participation_split_adds_up_and_is_what_the_records_say()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var dashboard = await office.GetJsonAsync($"/api/dashboard?year={Year}");
        var year = Assert.Single(dashboard.GetProperty("years").EnumerateArray());
        var split = year.GetProperty("trainingByOwnership").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        var training = year.GetProperty("training");
        Assert.Equal(training.GetProperty("records").GetInt32(), split.Values.Sum(g => g.GetProperty("records").GetInt32()));
        Assert.Equal(training.GetProperty("hours").GetDecimal(), split.Values.Sum(g => g.GetProperty("hours").GetDecimal()));

        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var nonPublic = await db.Database.SqlQueryRaw<int>($"""
            SELECT COUNT(DISTINCT r."ProfessionalId") AS "Value" FROM "CreditRecords" r JOIN "Employers" e ON e."Id" = r."EmployerId"
            WHERE r."CreditYear" = {Year} AND r."Status" = 'Approved' AND e."Ownership" = 'NonPublic'
            """).SingleAsync();
        Assert.True(nonPublic > 0, "the demo city's non-public employers' staff have records in 2025");
        Assert.Equal(nonPublic, split["NonPublic"].GetProperty("learners").GetInt32());

        var report = await office.GetJsonAsync($"/api/reports/equal-treatment?fromYear={Year}&toYear={Year}");
        var groups = Assert.Single(report.GetProperty("years").EnumerateArray()).GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("ownership").GetString()!);
        Assert.Equal(nonPublic, groups["NonPublic"].GetProperty("learners").GetInt32());
        Assert.Equal(split["Public"].GetProperty("trainees").GetInt32(), groups["Public"].GetProperty("trainees").GetInt32());
        Assert.True(groups["NonPublic"].GetProperty("staff").GetInt32() > 0);

        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.program-office"));
        var page = await browser.GetAsync($"/reports/equal-treatment?FromYear={Year}&ToYear={Year}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"data-figure=\"learners-NonPublic\">{nonPublic:N0}<", page.Html, StringComparison.Ordinal);
        var dashboardPage = await browser.GetAsync($"/dashboard?Year={Year}");
        Assert.Contains("data-dashboard-table=\"compliance-ownership\"", dashboardPage.Html, StringComparison.Ordinal);
        Assert.Contains("data-dashboard-table=\"training-ownership\"", dashboardPage.Html, StringComparison.Ordinal);

        using var reversed = await office.GetAsync(new Uri("/api/reports/equal-treatment?fromYear=2025&toYear=2024", UriKind.Relative));
        await reversed.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var employer = await platform.ClientAsync(PlatformRoles.EmployerHr);
        using var refused = await employer.GetAsync(new Uri("/api/reports/equal-treatment", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
