using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Host.Commands;

namespace KnowledgeRenewal.IntegrationTests.Compliance;

/// <summary>
/// Compliance (达标) through the data layer and HTTP: recomputation when records change, the explanation, stored
/// cycles, scoped summaries and bulk recomputation giving the same rows as the incremental one.
/// </summary>
[Collection(CompliancePlatform.Name)]
public sealed class ComplianceTests(CompliancePlatformFixture platform)
{
    private const int Year = 2025;

    [Fact]
    public async Task Record_changes_recompute_the_cycle_in_the_same_transaction()
    {
        var person = await platform.RegisterAsync(platform.FarmA);
        Assert.Empty(await platform.StoredRowsAsync([person]));

        var ids = await platform.AddRecordsAsync(person, RecordSpec.Public(Year, 30), RecordSpec.Professional(Year, 40), RecordSpec.Professional(Year, 20));
        var met = await StoredAsync(person);
        Assert.Equal(ComplianceStatus.Met, met.Status);
        Assert.Equal(90m, met.Counted.Hours);
        Assert.Equal(60m, met.ProfessionalCounted.Hours);
        Assert.Equal(30m, met.PublicCounted.Hours);
        Assert.Equal((Year, Year), (met.CycleStart, met.CycleEnd));
        Assert.Equal("platform", met.RuleScope);
        Assert.Null(met.Missing);

        await platform.RevokeAsync(ids[2]);
        var notMet = await StoredAsync(person);
        Assert.Equal(met.Id, notMet.Id);
        Assert.Equal(ComplianceStatus.NotMet, notMet.Status);
        Assert.Equal(70m, notMet.Counted.Hours);
        Assert.Contains("专业科目还差 20 学时", notMet.Missing, StringComparison.Ordinal);
        Assert.Contains("总学时还差 20 学时", notMet.Missing, StringComparison.Ordinal);

        // Another year is its own cycle under the default rules; this year's is still running.
        await platform.AddRecordsAsync(person, RecordSpec.Public(2026, 10));
        var rows = await platform.QueryAsync(db => db.Compliance.AsNoTracking().Where(c => c.ProfessionalId == person).OrderBy(c => c.CycleStart).ToListAsync());
        Assert.Equal([Year, 2026], rows.Select(r => r.CycleStart));
        Assert.Equal(ComplianceStatus.InProgress, rows[1].Status);
    }

    [Fact]
    public async Task Education_records_of_different_years_fall_in_one_five_year_cycle()
    {
        var teacher = await platform.RegisterAsync(platform.SchoolA);
        await platform.AddRecordsAsync(teacher, RecordSpec.Professional(2024, 50), RecordSpec.Public(2025, 30));
        var rows = await platform.QueryAsync(db => db.Compliance.AsNoTracking().Where(c => c.ProfessionalId == teacher).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal((2023, 2027), (row.CycleStart, row.CycleEnd));
        Assert.Equal("education", row.RuleScope);
        Assert.Equal(ComplianceStatus.InProgress, row.Status);
        Assert.Equal(80m, row.Counted.Hours);
        Assert.Equal(360m, row.Required.Hours);
    }

    [Fact]
    public async Task The_explanation_joins_every_record_of_the_cycle_to_its_verdict()
    {
        var person = await platform.RegisterAsync(platform.FarmA, "解释测试人");
        var ids = await platform.AddRecordsAsync(
            person,
            RecordSpec.Professional(Year, 40),
            new RecordSpec(new DateOnly(Year, 9, 1), CreditCategory.Public, 30, Activity: ActivityType.AcademicConference, Title: "全市农业学术会议"),
            RecordSpec.Professional(Year, 10, CreditRecordStatus.Pending),
            RecordSpec.Professional(Year, 5, CreditRecordStatus.Rejected),
            RecordSpec.Professional(2024, 50));
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        var explanation = await office.GetJsonAsync($"/api/professionals/{person}/compliance?year={Year}");

        Assert.Equal("NotMet", explanation.GetProperty("status").GetString());
        Assert.Equal("未达标", explanation.GetProperty("statusLabel").GetString());
        Assert.Equal(64m, explanation.GetProperty("counted").GetProperty("hours").GetDecimal());
        Assert.Equal(90m, explanation.GetProperty("required").GetProperty("hours").GetDecimal());
        var missing = explanation.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("专业科目还差 20 学时", missing);
        Assert.Contains("总学时还差 26 学时", missing);
        Assert.Contains("专业科目还差 20 学时", explanation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var rules = explanation.GetProperty("ruleSet");
        Assert.Equal("专业技术人员继续教育通用标准", rules.GetProperty("title").GetString());
        Assert.Contains("人社部令第25号", rules.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Equal(Year, explanation.GetProperty("cycle").GetProperty("startYear").GetInt32());
        Assert.Equal("NotMet", explanation.GetProperty("stored").GetProperty("status").GetString());
        Assert.DoesNotContain(platform.FarmA.Code, explanation.GetRawText(), StringComparison.Ordinal);

        // Only the cycle's records (not 2024's), each with its verdict and why.
        var records = explanation.GetProperty("records").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());
        Assert.Equal(ids.Take(4).Order(), records.Keys.Order());
        Assert.Equal("Counted", records[ids[0]].GetProperty("outcome").GetString());
        Assert.Equal(40m, records[ids[0]].GetProperty("countedHours").GetDecimal());
        Assert.Equal("专业科目培训班", records[ids[0]].GetProperty("title").GetString());
        Assert.Equal("2025-05-10", records[ids[0]].GetProperty("date").GetString());
        var conference = records[ids[1]];
        Assert.Equal("Capped", conference.GetProperty("outcome").GetString());
        Assert.Equal("部分计入", conference.GetProperty("outcomeLabel").GetString());
        Assert.Equal(30m, conference.GetProperty("hours").GetDecimal());
        Assert.Equal(24m, conference.GetProperty("countedHours").GetDecimal());
        Assert.Contains("年度上限 24 学时", conference.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Pending", records[ids[2]].GetProperty("status").GetString());
        Assert.Equal("Excluded", records[ids[2]].GetProperty("outcome").GetString());
        Assert.Contains("待审核", records[ids[2]].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("已驳回", records[ids[3]].GetProperty("reason").GetString(), StringComparison.Ordinal);

        var cycles = await office.GetJsonAsync($"/api/professionals/{person}/compliance/cycles");
        Assert.Equal([2024, Year], cycles.EnumerateArray().Select(c => c.GetProperty("cycleStart").GetInt32()));
        Assert.Equal(["NotMet", "NotMet"], cycles.EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        Assert.Equal(50m, cycles[0].GetProperty("countedHours").GetDecimal());
    }

    [Fact]
    public async Task The_explanation_is_scoped_like_the_person()
    {
        var person = await platform.RegisterAsync(platform.FarmA);
        await platform.AddRecordsAsync(person, RecordSpec.Public(Year, 10));

        var ownCounty = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + CompliancePlatformFixture.CountyA);
        var otherCounty = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + CompliancePlatformFixture.CountyB);
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health");
        var provider = await platform.ClientAsync(PlatformRoles.ProviderStaff);

        Assert.Equal("NotMet", (await ownCounty.GetJsonAsync($"/api/professionals/{person}/compliance?year={Year}")).GetProperty("status").GetString());
        await otherCounty.GetJsonAsync($"/api/professionals/{person}/compliance?year={Year}", HttpStatusCode.NotFound);
        await otherCounty.GetJsonAsync($"/api/professionals/{person}/compliance/cycles", HttpStatusCode.NotFound);
        await health.GetJsonAsync($"/api/professionals/{person}/compliance?year={Year}", HttpStatusCode.NotFound);
        using var forbidden = await provider.GetAsync(new Uri($"/api/professionals/{person}/compliance", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Summaries_count_the_callers_people_only()
    {
        var a = await platform.RegisterAsync(platform.FarmA);
        var b = await platform.RegisterAsync(platform.FarmB);
        await platform.AddRecordsAsync(a, RecordSpec.Public(Year, 30), RecordSpec.Professional(Year, 60));
        await platform.AddRecordsAsync(b, RecordSpec.Public(Year, 5));

        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + CompliancePlatformFixture.CountyA);
        var summary = await county.GetJsonAsync($"/api/compliance/summary?year={Year}&groupBy=region");
        var groups = summary.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal([CompliancePlatformFixture.CountyA], groups.Select(g => g.GetProperty("key").GetString()));

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var all = await office.GetJsonAsync($"/api/compliance/summary?year={Year}&groupBy=region");
        var byRegion = all.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        Assert.Contains(CompliancePlatformFixture.CountyB, byRegion.Keys);
        Assert.Equal(summary.GetProperty("total").GetProperty("people").GetInt32(), byRegion[CompliancePlatformFixture.CountyA].GetProperty("people").GetInt32());

        // The totals are those of the stored rows the caller may see.
        var expected = await platform.QueryAsync(db => db.Compliance.AsNoTracking()
            .Where(c => c.RegionCode == CompliancePlatformFixture.CountyA && c.CycleStart <= Year && c.CycleEnd >= Year)
            .Select(c => new { c.Status, c.Counted })
            .ToListAsync());
        var total = summary.GetProperty("total");
        Assert.Equal(expected.Count, total.GetProperty("people").GetInt32());
        Assert.Equal(expected.Count(e => e.Status == ComplianceStatus.Met), total.GetProperty("met").GetInt32());
        Assert.Equal(expected.Sum(e => e.Counted.Hours), total.GetProperty("countedHours").GetDecimal());
        Assert.True(total.GetProperty("met").GetInt32() >= 1);

        var employer = await office.GetJsonAsync($"/api/compliance/summary?year={Year}&groupBy=employer");
        Assert.Contains(employer.GetProperty("groups").EnumerateArray(), g => g.GetProperty("key").GetString() == platform.FarmB.Id.ToString());

        using var bad = await office.GetAsync(new Uri($"/api/compliance/summary?year={Year}&groupBy=planet", UriKind.Relative));
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var provider = await platform.ClientAsync(PlatformRoles.ProviderStaff);
        using var forbidden = await provider.GetAsync(new Uri($"/api/compliance/summary?year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Bulk_recomputation_writes_the_rows_the_incremental_one_wrote_and_adds_people_without_records()
    {
        var people = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await platform.RegisterAsync(i % 2 == 0 ? platform.FarmA : platform.SchoolA));
        }

        await platform.AddRecordsAsync(people[0], RecordSpec.Public(Year, 30), RecordSpec.Professional(Year, 60), RecordSpec.Professional(2024, 8));
        await platform.AddRecordsAsync(people[1], RecordSpec.Professional(2023, 100), RecordSpec.Public(Year, 12, CreditRecordStatus.Pending));
        await platform.AddRecordsAsync(people[2], new RecordSpec(new DateOnly(Year, 6, 1), CreditCategory.Professional, 50, Activity: ActivityType.AcademicConference));
        var incremental = await platform.StoredRowsAsync(people);
        Assert.Equal(3, incremental.Count(r => r.Contains($"|{Year}|{Year}|", StringComparison.Ordinal) || r.Contains("|2023|2027|", StringComparison.Ordinal)));

        // Forget them, then recompute the year in bulk as the program office.
        await platform.QueryAsync(db => db.Compliance.Where(c => people.Contains(c.ProfessionalId)).ExecuteDeleteAsync());
        var job = await RecomputeAsync($"/api/compliance/recompute?year={Year}");
        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.True(job.GetProperty("inserted").GetInt32() >= 4);

        var bulk = await platform.StoredRowsAsync(people);
        var expected = incremental.Where(r => !r.Contains("|2024|2024|", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, bulk.Where(r => !r.StartsWith(people[3].ToString(), StringComparison.Ordinal)).ToList());
        var noRecords = Assert.Single(bulk, r => r.StartsWith(people[3].ToString(), StringComparison.Ordinal));
        Assert.Contains("|InProgress|0|36000|", noRecords, StringComparison.Ordinal);

        // Running it again changes nothing.
        var again = await RecomputeAsync($"/api/compliance/recompute?year={Year}");
        Assert.Equal(0, again.GetProperty("inserted").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(bulk, await platform.StoredRowsAsync(people));
    }

    [Fact]
    public async Task Bulk_recomputation_of_credit_classes_with_binding_maximums_writes_the_incremental_rows()
    {
        // Health: class I at most 10 credits (30 h), online learning at most 10 credits a year; records of both
        // categories cut by the caps, one stating its class, one taking its activity's, one pending.
        var doctors = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            doctors.Add(await platform.RegisterAsync(platform.HospitalA));
        }

        await platform.AddRecordsAsync(
            doctors[0],
            new RecordSpec(new DateOnly(Year, 2, 1), CreditCategory.Public, 18, CreditClass: "I"),
            new RecordSpec(new DateOnly(Year, 3, 1), CreditCategory.Professional, 18, CreditClass: "I"),
            new RecordSpec(new DateOnly(Year, 4, 1), CreditCategory.Professional, 24, Activity: ActivityType.OnlineLearning, CreditClass: "II"),
            new RecordSpec(new DateOnly(Year, 5, 1), CreditCategory.Public, 12, Activity: ActivityType.OnlineLearning),
            new RecordSpec(new DateOnly(Year, 6, 1), CreditCategory.Professional, 9, CreditRecordStatus.Pending, CreditClass: "I"));
        await platform.AddRecordsAsync(doctors[1], new RecordSpec(new DateOnly(Year, 7, 1), CreditCategory.Professional, 6, Activity: ActivityType.AcademicConference));
        var incremental = await platform.StoredRowsAsync(doctors);
        Assert.Equal(2, incremental.Count);

        await platform.QueryAsync(db => db.Compliance.Where(c => doctors.Contains(c.ProfessionalId)).ExecuteDeleteAsync());
        var job = await RecomputeAsync($"/api/compliance/recompute?year={Year}&module=health");
        Assert.Equal("Completed", job.GetProperty("status").GetString());

        var bulk = await platform.StoredRowsAsync(doctors);
        Assert.Equal(incremental, bulk.Where(r => !r.StartsWith(doctors[2].ToString(), StringComparison.Ordinal)).ToList());
        var capped = Assert.Single(bulk, r => r.StartsWith(doctors[0].ToString(), StringComparison.Ordinal));
        Assert.Contains("|health|", capped, StringComparison.Ordinal);
        var noRecords = Assert.Single(bulk, r => r.StartsWith(doctors[2].ToString(), StringComparison.Ordinal));
        Assert.Contains("|0|7500|0|0|", noRecords, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_program_office_starts_a_recomputation_and_a_module_scope_must_exist()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + CompliancePlatformFixture.CountyA);
        using var forbidden = await county.PostAsync(new Uri($"/api/compliance/recompute?year={Year}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var unknown = await office.PostAsync(new Uri($"/api/compliance/recompute?year={Year}&module=astronomy", UriKind.Relative), null);
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        await office.GetJsonAsync($"/api/compliance/recompute/{Guid.NewGuid()}", HttpStatusCode.NotFound);

        var job = await RecomputeAsync($"/api/compliance/recompute?year={Year}&module=education");
        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal("education", job.GetProperty("module").GetString());
    }

    [Fact]
    public async Task The_host_command_recomputes_a_year_and_refuses_bad_options()
    {
        var teacher = await platform.RegisterAsync(platform.SchoolA);
        await platform.AddRecordsAsync(teacher, RecordSpec.Professional(2024, 30));
        await platform.QueryAsync(db => db.Compliance.Where(c => c.ProfessionalId == teacher).ExecuteDeleteAsync());

        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await RecomputeComplianceCommand.RunAsync(platform.Factory.Services, ["--year", "2024", "--module=education"], output, errors, CancellationToken.None);

        Assert.True(code == 0, errors.ToString());
        Assert.Contains("Compliance recomputed for 2024 (education)", output.ToString(), StringComparison.Ordinal);
        var row = await platform.QueryAsync(db => db.Compliance.AsNoTracking().SingleAsync(c => c.ProfessionalId == teacher));
        Assert.Equal((2023, 2027, 30m), (row.CycleStart, row.CycleEnd, row.Counted.Hours));

        using var badOutput = new StringWriter();
        using var badErrors = new StringWriter();
        Assert.Equal(2, await RecomputeComplianceCommand.RunAsync(platform.Factory.Services, ["--year", "2024", "--module", "astronomy"], badOutput, badErrors, CancellationToken.None));
        Assert.Contains("--module", badErrors.ToString(), StringComparison.Ordinal);
    }

    private async Task<CycleCompliance> StoredAsync(Guid person) =>
        await platform.QueryAsync(db => db.Compliance.AsNoTracking().SingleAsync(c => c.ProfessionalId == person && c.CycleStart <= Year && c.CycleEnd >= Year));

    private async Task<JsonElement> RecomputeAsync(string url)
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var started = await office.PostAsync(new Uri(url, UriKind.Relative), null);
        var job = await started.ReadJsonAsync(started.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Accepted, url);
        var id = job.GetProperty("id").GetGuid();
        for (var i = 0; i < 10 && job.GetProperty("status").GetString() is "Queued" or "Running"; i++)
        {
            job = await office.GetJsonAsync($"/api/compliance/recompute/{id}?wait=60");
        }

        return job;
    }
}
