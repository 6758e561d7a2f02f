using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.IntegrationTests.Certificates;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Reporting;

/// <summary>
/// The split by employer ownership is complete for every caller (ADR 0019): a compliance row carries its employer's
/// ownership, so a line-department administrator — who does not see a sector-less non-public employer whose staff are
/// under the department's sector — still finds those staff in the split, and the split's groups add up to the unsplit
/// totals in the REST summary, the OData <c>$apply</c> and the equal-treatment report. An employer whose ownership
/// changes in the registry takes its rows to the other side of the split.
/// </summary>
[Collection(CertificatePlatform.Name)]
public sealed class EqualTreatmentScopeTests(CertificatePlatformFixture platform)
{
    private const int Year = 2026;
    private static readonly FixtureRegistry Registry = new(20261208);

    [Fact]
    public async Task A_department_admins_ownership_split_adds_up_to_the_unsplit_totals_including_staff_of_employers_it_does_not_see()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var employer = await platform.QueryAsync(async db =>
        {
            var bureaus = await FixtureRegistry.CountyBureausAsync(db);
            var added = Registry.AddEmployer(db, "同等待遇范围测试民营诊所" + suffix, PlatformFixtureBase.CountyA, Departments.Health, bureaus);
            await db.SaveChangesAsync();
            await db.Employers.Where(e => e.Id == added.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Ownership, Ownership.NonPublic));
            return added;
        });
        var person = await platform.RegisterAsync(employer, "赵民营");

        // The employer loses its sector (its staff keep the department's sector): the department no longer sees it.
        await platform.QueryAsync(db => db.Employers.Where(e => e.Id == employer.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DepartmentCode, (string?)null)));
        var department = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        var before = await department.GetJsonAsync($"/api/reports/equal-treatment?year={Year}");
        await platform.AddRecordsAsync(person.Id, Year, [(CreditCategory.Professional, 30m, "范围测试专业课")]);

        var hidden = await department.GetJsonAsync($"/odata/Employers?$filter=Id eq {employer.Id}");
        Assert.Empty(hidden.GetProperty("value").EnumerateArray());

        // The person's row is the department's, on the non-public side.
        var mine = await department.GetJsonAsync($"/odata/Compliance?$filter=ProfessionalId eq {person.Id}&$select=EmployerOwnership,CycleStart,CycleEnd");
        var row = Assert.Single(mine.GetProperty("value").EnumerateArray());
        Assert.Equal("NonPublic", row.GetProperty("EmployerOwnership").GetString());

        await AssertSplitAddsUpAsync(department);

        // The report's participants and hours count the person on the non-public side.
        var after = await department.GetJsonAsync($"/api/reports/equal-treatment?year={Year}");
        Assert.Equal(Participants(before, "nonPublic") + 1, Participants(after, "nonPublic"));
        Assert.Equal(Hours(before, "nonPublic") + 30m, Hours(after, "nonPublic"));
        Assert.Equal(Participants(before, "public"), Participants(after, "public"));
    }

    [Fact]
    public async Task Changing_an_employers_ownership_moves_its_rows_in_the_split()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var employer = await platform.QueryAsync(async db =>
        {
            var bureaus = await FixtureRegistry.CountyBureausAsync(db);
            var added = Registry.AddEmployer(db, "同等待遇改制测试医院" + suffix, PlatformFixtureBase.CountyA, Departments.Health, bureaus);
            await db.SaveChangesAsync();
            return added;
        });
        var person = await platform.RegisterAsync(employer, "钱改制");
        await platform.AddRecordsAsync(person.Id, Year, [(CreditCategory.Professional, 20m, "改制测试专业课")]);

        var department = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        Assert.Equal("Public", await OwnershipOfAsync(department, person.Id));
        var before = await SplitAsync(department);
        var versionBefore = await ChangeVersionOfAsync(person.Id);

        // The registry edit (公有制 → 非公有制) takes the employer's rows along, in the same transaction.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var url = $"/api/registry/employers/{employer.Id}";
        using (var read = await office.GetAsync(new Uri(url, UriKind.Relative)))
        {
            using var changed = await PlatformFixtureBase.SendAsync(
                office, HttpMethod.Put, url, new { name = employer.Name, ownership = "非公有制", departmentCode = Departments.Health }, read.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        Assert.Equal("NonPublic", await OwnershipOfAsync(department, person.Id));
        Assert.True(await ChangeVersionOfAsync(person.Id) > versionBefore, "the followed rows took no change number: delta feeds would miss them (ADR 0023)");
        var after = await SplitAsync(department);
        Assert.Equal(before.GetValueOrDefault("Public") - 1, after.GetValueOrDefault("Public"));
        Assert.Equal(before.GetValueOrDefault("NonPublic") + 1, after.GetValueOrDefault("NonPublic"));
        await AssertSplitAddsUpAsync(department);

        // And back again; the updates of the rows are audited.
        using (var read = await office.GetAsync(new Uri(url, UriKind.Relative)))
        {
            using var changed = await PlatformFixtureBase.SendAsync(
                office, HttpMethod.Put, url, new { name = employer.Name, ownership = "公有制", departmentCode = Departments.Health }, read.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        Assert.Equal("Public", await OwnershipOfAsync(department, person.Id));
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .CountAsync(a => a.EntityType == nameof(CycleCompliance) && a.Details!.Contains("employer-ownership=NonPublic")));
        Assert.True(audited >= 1, "the ownership update of the compliance rows is not audited");
    }

    private Task<long> ChangeVersionOfAsync(Guid professionalId) => platform.QueryAsync(db => db.Compliance.IgnoreQueryFilters().AsNoTracking()
        .Where(c => c.ProfessionalId == professionalId).MaxAsync(c => c.ChangeVersion));

    // Every split adds up to its unsplit total: REST summary, OData $apply and the report, all as the same caller.
    private static async Task AssertSplitAddsUpAsync(HttpClient client)
    {
        var window = $"filter(CycleStart le {Year} and CycleEnd ge {Year})";
        var total = (await client.GetJsonAsync($"/odata/Compliance?$apply={window}/aggregate($count as n)"))
            .GetProperty("value").EnumerateArray().Single().GetProperty("n").GetInt32();
        Assert.True(total > 0, "the caller sees no compliance rows");

        var split = await SplitAsync(client);
        Assert.Equal(total, split.Values.Sum());

        var summary = await client.GetJsonAsync($"/api/compliance/summary?year={Year}&groupBy=ownership");
        Assert.Equal(total, summary.GetProperty("total").GetProperty("people").GetInt32());
        Assert.Equal(total, summary.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("people").GetInt32()));
        foreach (var group in summary.GetProperty("groups").EnumerateArray())
        {
            Assert.Equal(split.GetValueOrDefault(group.GetProperty("key").GetString()!), group.GetProperty("people").GetInt32());
        }

        var unsplit = await client.GetJsonAsync($"/api/compliance/summary?year={Year}");
        Assert.Equal(total, unsplit.GetProperty("total").GetProperty("people").GetInt32());

        var report = await client.GetJsonAsync($"/api/reports/equal-treatment?year={Year}");
        Assert.Equal(split.GetValueOrDefault("Public"), report.GetProperty("public").GetProperty("compliance").GetProperty("people").GetInt32());
        Assert.Equal(split.GetValueOrDefault("NonPublic"), report.GetProperty("nonPublic").GetProperty("compliance").GetProperty("people").GetInt32());

        // Participants and hours: the caller's approved records of the year, all in one group or the other.
        var records = (await client.GetJsonAsync($"/odata/CreditRecords?$filter=CreditYear eq {Year}&$select=ProfessionalId,Hours,Status"))
            .GetProperty("value").EnumerateArray().Where(r => r.GetProperty("Status").GetString() == "Approved").ToList();
        Assert.Equal(records.Select(r => r.GetProperty("ProfessionalId").GetString()).Distinct().Count(), Participants(report, "public") + Participants(report, "nonPublic"));
        Assert.Equal(records.Sum(r => r.GetProperty("Hours").GetDecimal()), Hours(report, "public") + Hours(report, "nonPublic"));
    }

    private static async Task<Dictionary<string, int>> SplitAsync(HttpClient client) =>
        (await client.GetJsonAsync(
            $"/odata/Compliance?$apply=filter(CycleStart le {Year} and CycleEnd ge {Year})/groupby((EmployerOwnership,Status),aggregate($count as n))"))
        .GetProperty("value").EnumerateArray()
        .GroupBy(r => r.GetProperty("EmployerOwnership").GetString()!)
        .ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("n").GetInt32()));

    private static async Task<string?> OwnershipOfAsync(HttpClient client, Guid professionalId) =>
        Assert.Single((await client.GetJsonAsync($"/odata/Compliance?$filter=ProfessionalId eq {professionalId} and CycleStart le {Year} and CycleEnd ge {Year}&$select=EmployerOwnership"))
            .GetProperty("value").EnumerateArray()).GetProperty("EmployerOwnership").GetString();

    private static int Participants(JsonElement report, string group) => report.GetProperty(group).GetProperty("participants").GetInt32();

    private static decimal Hours(JsonElement report, string group) => report.GetProperty(group).GetProperty("hours").GetDecimal();
}
