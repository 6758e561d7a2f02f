using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Funding;

/// <summary>
/// Fee standards (以支定收) and employers' training funds through HTTP on the demo city: a base's staff declare, a fee
/// above the cost is refused with its code on the fee, the program office approves (If-Match) and the standard is
/// public without sign-in; a provider that is not a base may not declare, another base does not read it. An
/// employer's HR records its year, the ratio below the floor is flagged, the county lists it, another employer neither
/// reads nor writes it, a change needs If-Match.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class FeeStandardsAndTrainingFundsApiTests(PlatformFixture platform)
{
    private const int Year = 2031;

    private static object Declaration(long fee, string kind = "CapacityBuilding") => new
    {
        year = Year, kind, feeFen = fee, teachingFen = 60_000, materialsFen = 15_000, venueFen = 20_000, accommodationFen = 20_000, organizationFen = 8_000, otherFen = 2_000, note = "每期 40 人测算",
    };

    [Fact]
    public async Task A_base_declares_a_fee_within_its_cost_the_office_approves_it_and_anyone_reads_it()
    {
        var (baseCode, otherBaseCode) = await platform.QueryAsync(async db =>
        {
            var codes = await db.EducationBases.IgnoreQueryFilters().Where(b => b.Status == BaseStatus.Active)
                .Where(b => !db.Set<FeeStandard>().IgnoreQueryFilters().Any(f => f.BaseId == b.Id && f.Year == Year))
                .OrderBy(b => b.Name).Select(b => b.Organization!.Code).Take(2).ToListAsync();
            return (codes[0], codes[1]);
        });
        var staff = await platform.ClientAsync(PlatformRoles.ProviderStaff, baseCode);
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);

        // 以支定收: the fee may not exceed the cost per trainee (1,250 元).
        using (var over = await staff.PostAsJsonAsync(new Uri("/api/supervision/funding/fee-standards", UriKind.Relative), Declaration(125_001)))
        {
            var problem = await over.AssertProblemAsync(HttpStatusCode.BadRequest, "supervision.fee_over_cost");
            var error = Assert.Single(problem.FieldErrors);
            Assert.Equal("feeFen", error.Field);
            Assert.Contains("以支定收", error.Message, StringComparison.Ordinal);
        }

        JsonElement declared;
        using (var created = await staff.PostAsJsonAsync(new Uri("/api/supervision/funding/fee-standards", UriKind.Relative), Declaration(125_000)))
        {
            declared = await created.ReadJsonAsync(HttpStatusCode.Created, "declare");
        }

        Assert.Equal("Submitted", declared.GetProperty("status").GetString());
        Assert.Equal(125_000, declared.GetProperty("costFen").GetInt64());
        var id = declared.GetProperty("id").GetString()!;

        // Once per base, year and kind while waiting.
        using (var twice = await staff.PostAsJsonAsync(new Uri("/api/supervision/funding/fee-standards", UriKind.Relative), Declaration(100_000)))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.fee_standard_exists");
        }

        // Not public before approval; another base does not read it; a provider that is not a base may not declare.
        using var anonymous = platform.Anonymous();
        var before = await anonymous.GetJsonAsync($"/api/public/fee-standards?year={Year}");
        Assert.DoesNotContain(before.EnumerateArray(), s => s.GetProperty("feeFen").GetInt64() == 125_000 && s.GetProperty("kind").GetString() == "CapacityBuilding");
        var otherBase = await platform.ClientAsync(PlatformRoles.ProviderStaff, otherBaseCode);
        using (var hidden = await otherBase.GetAsync(new Uri($"/api/supervision/funding/fee-standards/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var notABase = await platform.ClientAsync(PlatformRoles.ProviderStaff);
        using (var refused = await notABase.PostAsJsonAsync(new Uri("/api/supervision/funding/fee-standards", UriKind.Relative), Declaration(100_000)))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "supervision.fee_not_a_base");
        }

        // The office decides with If-Match; the base may not.
        var url = $"/api/supervision/funding/fee-standards/{id}";
        using (var byBase = await staff.PostAsJsonAsync(new Uri(url + "/decision", UriKind.Relative), new { decision = "Approve" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byBase.StatusCode);
        }

        using (var noMatch = await office.PostAsJsonAsync(new Uri(url + "/decision", UriKind.Relative), new { decision = "Approve" }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noMatch.StatusCode);
        }

        using var read = await office.GetAsync(new Uri(url, UriKind.Relative));
        using var approve = new HttpRequestMessage(HttpMethod.Post, new Uri(url + "/decision", UriKind.Relative)) { Content = JsonContent.Create(new { decision = "Approve" }) };
        approve.Headers.IfMatch.Add(read.Headers.ETag!);
        using (var approved = await office.SendAsync(approve))
        {
            Assert.Equal("Approved", (await approved.ReadJsonAsync(HttpStatusCode.OK, "approve")).GetProperty("status").GetString());
        }

        // Public: the REST list and the page, without sign-in.
        var after = await anonymous.GetJsonAsync($"/api/public/fee-standards?year={Year}");
        var shown = Assert.Single(after.EnumerateArray(), s => s.GetProperty("feeFen").GetInt64() == 125_000 && s.GetProperty("kind").GetString() == "CapacityBuilding");
        Assert.Equal(60_000, shown.GetProperty("teachingFen").GetInt64());
        Assert.False(shown.TryGetProperty("submittedByName", out _));
        var baseName = shown.GetProperty("baseName").GetString()!;
        var page = await anonymous.GetStringAsync(new Uri($"/fees?year={Year}", UriKind.Relative));
        Assert.Contains(baseName, page, StringComparison.Ordinal);
        Assert.Contains("1,250.00", page, StringComparison.Ordinal);

        // Audited.
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters()
            .Where(a => a.EntityType == nameof(FeeStandard) && a.EntityKey == id).Select(a => a.Action).Distinct().ToListAsync());
        Assert.Contains(AuditActions.DataCreated, audited);
        Assert.Contains(AuditActions.DataUpdated, audited);
    }

    [Fact]
    public async Task An_employer_records_its_training_fund_below_the_floor_and_the_county_sees_the_flag()
    {
        var (employer, county, other) = await platform.QueryAsync(async db =>
        {
            var employers = await db.Organizations.IgnoreQueryFilters().Where(o => o.Type == OrganizationType.Employer && o.IsActive)
                .Where(o => !db.Set<EmployerTrainingFund>().IgnoreQueryFilters().Any(f => f.EmployerId == o.Id && f.Year == Year))
                .Where(o => db.Set<Organization>().IgnoreQueryFilters().Any(b => b.Type == OrganizationType.CountyBureau && b.RegionCode == o.RegionCode))
                .OrderBy(o => o.Code).Select(o => new { o.Code, o.RegionCode }).Take(20).ToListAsync();
            var first = employers[0];
            var bureau = await db.Organizations.IgnoreQueryFilters().Where(o => o.Type == OrganizationType.CountyBureau && o.RegionCode == first.RegionCode).Select(o => o.Code).FirstAsync();
            return (first.Code, bureau, employers[1].Code);
        });
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, employer);

        // 1 % of payroll: below the 1.5 % floor.
        JsonElement line;
        using (var created = await hr.PutAsJsonAsync(new Uri("/api/supervision/funding/training-funds", UriKind.Relative), new { year = Year, payrollFen = 100_000_000, trainingSpentFen = 1_000_000 }))
        {
            line = await created.ReadJsonAsync(HttpStatusCode.Created, "record");
        }

        Assert.True(line.GetProperty("belowFloor").GetBoolean());
        Assert.Equal(0.01m, line.GetProperty("ratio").GetDecimal());
        Assert.Equal(0.015m, line.GetProperty("floor").GetDecimal());

        // The county lists it among the lines below the floor.
        var countyClient = await platform.ClientAsync(PlatformRoles.CountyAdmin, county);
        var flagged = await countyClient.GetJsonAsync($"/api/supervision/funding/training-funds?year={Year}&belowFloor=true&pageSize=100");
        Assert.Contains(flagged.GetProperty("lines").GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetString() == line.GetProperty("id").GetString());

        // Another employer neither reads nor writes it.
        var stranger = await platform.ClientAsync(PlatformRoles.EmployerHr, other);
        var theirs = await stranger.GetJsonAsync($"/api/supervision/funding/training-funds?year={Year}&pageSize=100");
        Assert.DoesNotContain(theirs.GetProperty("lines").GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetString() == line.GetProperty("id").GetString());
        using (var foreign = await stranger.PutAsJsonAsync(new Uri("/api/supervision/funding/training-funds", UriKind.Relative),
            new { employerId = line.GetProperty("employerId").GetString(), year = Year, payrollFen = 100, trainingSpentFen = 100 }))
        {
            await foreign.AssertProblemAsync(HttpStatusCode.Forbidden, "supervision.training_fund_not_own_employer");
        }

        // A change needs the version read; then 2 % is no longer flagged.
        using (var noMatch = await hr.PutAsJsonAsync(new Uri("/api/supervision/funding/training-funds", UriKind.Relative), new { year = Year, payrollFen = 100_000_000, trainingSpentFen = 2_000_000 }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noMatch.StatusCode);
        }

        using var change = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/supervision/funding/training-funds", UriKind.Relative))
        {
            Content = JsonContent.Create(new { year = Year, payrollFen = 100_000_000, trainingSpentFen = 2_000_000 }),
        };
        change.Headers.TryAddWithoutValidation("If-Match", line.GetProperty("eTag").GetString());
        using (var changed = await hr.SendAsync(change))
        {
            Assert.False((await changed.ReadJsonAsync(HttpStatusCode.OK, "change")).GetProperty("belowFloor").GetBoolean());
        }
    }
}
