using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;

namespace KnowledgeRenewal.IntegrationTests.Plans;

/// <summary>
/// Annual plans through HTTP on the demo city: the program office sets a year's targets (201, then If-Match: 428/412),
/// bad rows are named in Chinese, counties and departments read but do not set, and the progress of the demo years is
/// exactly what the records say (checked with plain SQL, not with the platform's own query).
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class AnnualPlanApiTests(PlatformFixture platform)
{
    private static object Plan(int total, params object[] shares) => new
    {
        notes = "测试计划",
        targets = new object[] { new { kind = "Total", trainees = total } }.Concat(shares).ToArray(),
    };

    [Fact]
    public async Task The_program_office_sets_a_plan_and_replaces_it_only_with_the_current_etag()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var created = await office.PutAsJsonAsync(new Uri("/api/annual-plans/2027", UriKind.Relative), Plan(
            50_000,
            new { kind = "ProjectType", key = "AdvancedSeminar", projects = 10, trainees = 300 },
            new { kind = "区域", key = "370883", trainees = 6_000 }));
        var view = await created.ReadJsonAsync(HttpStatusCode.Created, "create 2027");
        var etag = created.Headers.ETag!;
        Assert.Equal(2027, view.GetProperty("year").GetInt32());
        var targets = view.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["Total", "ProjectType", "Region"], targets.Select(t => t.GetProperty("kind").GetString()));
        Assert.Equal(["全市", "高级研修项目", "邹城市"], targets.Select(t => t.GetProperty("label").GetString()));
        Assert.Equal("未开始", targets[0].GetProperty("statusName").GetString());

        using var again = await office.GetAsync(new Uri("/api/annual-plans/2027", UriKind.Relative));
        Assert.Equal(etag, again.Headers.ETag);

        using (var missing = await office.PutAsJsonAsync(new Uri("/api/annual-plans/2027", UriKind.Relative), Plan(60_000)))
        {
            await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.precondition_required");
        }

        using var replace = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/annual-plans/2027", UriKind.Relative)) { Content = JsonContent.Create(Plan(60_000)) };
        replace.Headers.IfMatch.Add(etag);
        using var replaced = await office.SendAsync(replace);
        var replacedView = await replaced.ReadJsonAsync(HttpStatusCode.OK, "replace 2027");
        Assert.Equal(60_000, Assert.Single(replacedView.GetProperty("targets").EnumerateArray()).GetProperty("targetTrainees").GetInt32());

        using var stale = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/annual-plans/2027", UriKind.Relative)) { Content = JsonContent.Create(Plan(70_000)) };
        stale.Headers.IfMatch.Add(etag);
        using var staleResponse = await office.SendAsync(stale);
        await staleResponse.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
    }

    [Fact]
    public async Task Bad_plans_are_refused_naming_the_row_and_field()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var response = await office.PutAsJsonAsync(new Uri("/api/annual-plans/2028", UriKind.Relative), Plan(
            1_000,
            new { kind = "Region", key = "370811", trainees = 800 },
            new { kind = "Region", key = "370812", trainees = 300 },
            new { kind = "ProjectType", key = "Bootcamp", trainees = 1 }));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var errors = problem.FieldErrors.ToList();
        Assert.Contains(errors, e => e.Field == "targets[3].key" && e.Row == 4);
        Assert.Contains(errors, e => e.Code == "plan.shares_exceed_total" && e.Message.Contains("1,100", StringComparison.Ordinal));

        using var unknown = await office.PutAsJsonAsync(new Uri("/api/annual-plans/2028", UriKind.Relative), Plan(1_000, new { kind = "Department", key = "space", trainees = 1 }));
        var unknownProblem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("plan.unknown_key", unknownProblem.FieldErrors[0].Code);

        using var outside = await office.PutAsJsonAsync(new Uri("/api/annual-plans/2031", UriKind.Relative), Plan(1_000));
        var outsideProblem = await outside.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("plan.year_outside_program", outsideProblem.FieldErrors[0].Code);

        await office.GetJsonAsync("/api/annual-plans/2029", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Counties_and_departments_read_plans_but_only_the_program_office_sets_them()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var list = await county.GetJsonAsync("/api/annual-plans");
        Assert.Equal([2026, 2025, 2024, 2023], list.EnumerateArray().Select(p => p.GetProperty("year").GetInt32()).Where(y => y <= 2026));
        using var put = await county.PutAsJsonAsync(new Uri("/api/annual-plans/2029", UriKind.Relative), Plan(1_000));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        var department = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        await department.GetJsonAsync("/api/annual-plans/2025");
        var anonymous = platform.Factory.CreateClient();
        using var anonymousResponse = await anonymous.GetAsync(new Uri("/api/annual-plans/2025", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
    }

    [Fact]
    public async Task Demo_progress_is_what_the_records_say()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var plan = await office.GetJsonAsync("/api/annual-plans/2025");
        var targets = plan.GetProperty("targets").EnumerateArray().ToDictionary(t => $"{t.GetProperty("kind").GetString()}:{t.GetProperty("key").GetString()}");

        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        const string Trained = """
            FROM "CreditRecords" WHERE "CreditYear" = 2025 AND "Status" = 'Approved' AND "Source" IN ('ProjectRoster', 'ProviderClass')
            """;
        var total = await CountAsync(db, $"SELECT COUNT(DISTINCT \"ProfessionalId\") AS \"Value\" {Trained}");
        var region = await CountAsync(db, $"SELECT COUNT(DISTINCT \"ProfessionalId\") AS \"Value\" {Trained} AND \"RegionCode\" = '370811'");
        var health = await CountAsync(db, $"SELECT COUNT(DISTINCT \"ProfessionalId\") AS \"Value\" {Trained} AND \"DepartmentCode\" = 'health'");

        Assert.True(total > 1_000, $"the demo city trains people in 2025 ({total})");
        Assert.Equal(total, targets["Total:"].GetProperty("actualTrainees").GetInt32());
        Assert.Equal(region, targets["Region:370811"].GetProperty("actualTrainees").GetInt32());
        Assert.Equal(health, targets["Department:health"].GetProperty("actualTrainees").GetInt32());
        Assert.Equal(100_000, targets["Total:"].GetProperty("targetTrainees").GetInt32());
        Assert.Equal(Math.Round(total * 100m / 100_000, 1, MidpointRounding.ToZero), targets["Total:"].GetProperty("percent").GetDecimal());
        Assert.Equal("未完成", targets["Total:"].GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task Plans_targets_and_classes_are_odata_feeds_with_aggregates()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var shares = await office.GetJsonAsync("/odata/PlanTargets?$apply=filter(Kind eq 'Region' and Year le 2026)/groupby((Year),aggregate(Trainees with sum as Trainees))&$orderby=Year");
        Assert.Equal([2023, 2024, 2025, 2026], shares.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("Year").GetInt32()));
        Assert.All(shares.GetProperty("value").EnumerateArray(), v => Assert.Equal(82_000, v.GetProperty("Trainees").GetInt32()));

        var plan = await office.GetJsonAsync("/odata/AnnualPlans?$filter=Year eq 2025&$expand=Targets($filter=Kind eq 'Total')");
        var total = Assert.Single(Assert.Single(plan.GetProperty("value").EnumerateArray()).GetProperty("Targets").EnumerateArray());
        Assert.Equal(100_000, total.GetProperty("Trainees").GetInt32());

        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var finished = await db.TrainingClasses.CountAsync(c => c.Status == TrainingClassStatus.Finished);
        var hours = await db.TrainingClasses.Where(c => c.Status == TrainingClassStatus.Finished).SumAsync(c => c.HoursDecimal);
        var classes = await office.GetJsonAsync("/odata/Classes?$apply=filter(Status eq 'Finished')/aggregate($count as Count,Hours with sum as Hours)");
        var row = Assert.Single(classes.GetProperty("value").EnumerateArray());
        Assert.Equal((finished, hours), (row.GetProperty("Count").GetInt32(), row.GetProperty("Hours").GetDecimal()));
        Assert.True(finished > 0);
    }

    [Fact]
    public async Task Trainees_by_project_type_in_the_credit_records_feed_are_the_plans_progress_by_type()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var plan = await office.GetJsonAsync("/api/annual-plans/2025");
        var byType = plan.GetProperty("targets").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "ProjectType")
            .ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("actualTrainees").GetInt32());
        Assert.True(byType["CapacityBuilding"] + byType["AdvancedSeminar"] > 0, "the demo's 2025 projects have trainees");

        var feed = await office.GetJsonAsync("/odata/CreditRecords?$apply=filter(Status eq 'Approved' and CreditYear eq 2025 and Class/ProjectId ne null)/groupby((Class/Project/Type),aggregate(ProfessionalId with countdistinct as Trainees))");
        var rows = feed.GetProperty("value").EnumerateArray()
            .ToDictionary(v => v.GetProperty("Class").GetProperty("Project").GetProperty("Type").GetString()!, v => v.GetProperty("Trainees").GetInt32());
        foreach (var (type, trainees) in byType)
        {
            Assert.Equal(trainees, rows.GetValueOrDefault(type));
        }
    }

    private static async Task<int> CountAsync(PlatformDbContext db, string sql) =>
        await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
}
