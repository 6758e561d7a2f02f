using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Compliance;

/// <summary>
/// What-if runs of a draft rule set over a past year, on a prepared population: the transport sector's people, whom
/// no other test registers.
/// </summary>
[Collection(CompliancePlatform.Name)]
public sealed class WhatIfTests(CompliancePlatformFixture platform)
{
    private const int Year = 2024;

    // Total 70 instead of 90, at least 25 public-subject hours instead of 2/3 professional.
    private static object Draft(decimal requiredTotal = 70m, int cycleYears = 1, string title = "交通运输继续教育（草案）", string? creditClass = null) => new
    {
        effectiveFrom = "2023-01-01",
        title,
        basis = "试算用草案",
        cycleYears,
        unit = "Hour",
        requiredTotal,
        requirements = new object[] { creditClass is null ? new { category = "Public", minimum = 25m } : new { creditClass, minimum = 25m } },
        activities = new object[] { new { activity = "ClassroomTraining" } },
    };

    [Fact]
    public async Task A_draft_reports_who_would_newly_meet_and_newly_miss_the_past_year_and_writes_nothing()
    {
        var met = await platform.RegisterAsync(platform.TransportB, "张三丰");
        var newlyMet = await platform.RegisterAsync(platform.TransportB, "李四");
        var newlyNotMet = await platform.RegisterAsync(platform.TransportB, "王五");
        var none = await platform.RegisterAsync(platform.TransportB, "赵六");
        await platform.AddRecordsAsync(met, RecordSpec.Public(Year, 30), RecordSpec.Professional(Year, 60));
        await platform.AddRecordsAsync(newlyMet, RecordSpec.Public(Year, 30), RecordSpec.Professional(Year, 45));
        await platform.AddRecordsAsync(newlyNotMet, RecordSpec.Public(Year, 10), RecordSpec.Professional(Year, 85));
        var people = new[] { met, newlyMet, newlyNotMet, none };
        var before = await platform.StoredRowsAsync(people);
        var recordCount = await platform.QueryAsync(db => db.CreditRecords.CountAsync());

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var response = await office.PostAsJsonAsync(new Uri("/api/compliance/what-if", UriKind.Relative), new { scope = "transport", year = Year, ruleSet = Draft() });
        var report = await response.ReadJsonAsync(HttpStatusCode.OK, "what-if");

        Assert.Equal(4, report.GetProperty("people").GetInt32());
        Assert.Equal(2, report.GetProperty("changed").GetInt32());
        Assert.Equal(1, report.GetProperty("newlyMet").GetInt32());
        Assert.Equal(1, report.GetProperty("newlyNotMet").GetInt32());
        Assert.Equal(2, report.GetProperty("before").GetProperty("met").GetInt32());
        Assert.Equal(2, report.GetProperty("before").GetProperty("notMet").GetInt32());
        Assert.Equal(2, report.GetProperty("after").GetProperty("met").GetInt32());
        Assert.Equal("交通运输专业技术人员继续教育", report.GetProperty("currentRuleSet").GetString());
        var sample = report.GetProperty("sample").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["李*", "王*"], sample.Keys.Order());
        Assert.Equal("Met", sample["李*"].GetProperty("after").GetString());
        Assert.Equal("NotMet", sample["王*"].GetProperty("after").GetString());
        Assert.Contains("*", sample["王*"].GetProperty("idNumberMasked").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("李四", report.GetRawText(), StringComparison.Ordinal);

        // Nothing was written.
        Assert.Equal(before, await platform.StoredRowsAsync(people));
        Assert.Equal(recordCount, await platform.QueryAsync(db => db.CreditRecords.CountAsync()));

        // A department administrator may try their own module's rules, not another's nor the platform's.
        var transport = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-transport");
        using var own = await transport.PostAsJsonAsync(new Uri("/api/compliance/what-if", UriKind.Relative), new { scope = "transport", year = Year, ruleSet = Draft(), sample = 0 });
        var ownReport = await own.ReadJsonAsync(HttpStatusCode.OK, "what-if as transport");
        Assert.Equal(4, ownReport.GetProperty("people").GetInt32());
        Assert.Empty(ownReport.GetProperty("sample").EnumerateArray());
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health");
        using var other = await health.PostAsJsonAsync(new Uri("/api/compliance/what-if", UriKind.Relative), new { scope = "transport", year = Year, ruleSet = Draft() });
        await other.AssertProblemAsync(HttpStatusCode.Forbidden, "compliance.what_if_forbidden");
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + CompliancePlatformFixture.CountyB);
        using var notAllowed = await county.PostAsJsonAsync(new Uri("/api/compliance/what-if", UriKind.Relative), new { scope = "transport", year = Year, ruleSet = Draft() });
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
    }

    [Fact]
    public async Task A_bad_draft_is_refused_with_each_problem_named_in_chinese()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var response = await office.PostAsJsonAsync(
            new Uri("/api/compliance/what-if", UriKind.Relative),
            new { scope = "health", year = 2030, ruleSet = Draft(requiredTotal: -5m, cycleYears: 0, title: "", creditClass: "III") });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var errors = problem.FieldErrors.ToDictionary(e => e.Field, e => e.Message);
        Assert.Contains("year", errors.Keys);
        Assert.Contains("ruleSet.title", errors.Keys);
        Assert.Contains("ruleSet.cycleYears", errors.Keys);
        Assert.Contains("ruleSet.requiredTotal", errors.Keys);
        Assert.Contains("ruleSet.requirements[0].creditClass", errors.Keys);
        Assert.All(errors.Values, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
        Assert.Contains("III", errors["ruleSet.requirements[0].creditClass"], StringComparison.Ordinal);

        using var noDraft = await office.PostAsJsonAsync(new Uri("/api/compliance/what-if", UriKind.Relative), new { scope = "platform", year = Year });
        var missing = await noDraft.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(missing.FieldErrors, e => e.Field == "ruleSet");

        using var unknownScope = await office.PostAsJsonAsync(new Uri("/api/compliance/what-if", UriKind.Relative), new { scope = "astronomy", year = Year, ruleSet = Draft() });
        var scope = await unknownScope.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(scope.FieldErrors, e => e.Field == "scope");
    }
}
