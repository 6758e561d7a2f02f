using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.IntegrationTests.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Rosters;

/// <summary>
/// Classes of program projects: only the project's host provider opens them, only while the project is published or
/// under way, only within its dates; their rosters become "project roster" credit records, and the year's plan counts
/// those trainees for the project's type.
/// </summary>
[Collection(RosterPlatforms.Name)]
public sealed class ProjectClassTests(RosterPlatform platform)
{
    private static readonly DateOnly ProjectStart = new(2024, 5, 6);

    [Fact]
    public async Task A_published_projects_host_opens_classes_within_its_dates_and_their_trainees_count_for_the_projects_type()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var before = await SeminarProgressAsync(office);
        var published = await ProjectAsync("PC-2024-001", ProjectStatus.Published);
        var draft = await ProjectAsync("PC-2024-002", ProjectStatus.Draft);
        var p1 = await platform.P1Async();
        var p2 = await platform.P2Async();

        await RefusedAsync(p2, Body(published, ProjectStart, platform.P2Id), "projectId", "project.other_provider");
        await RefusedAsync(p1, Body(draft, ProjectStart), "projectId", "project.not_open");
        await RefusedAsync(p1, Body(published, ProjectStart.AddDays(-7)), "startDate", "project.dates");
        await RefusedAsync(p1, Body(Guid.NewGuid(), ProjectStart), "projectId", "project.not_found");

        var classId = await RosterPlatform.FinishedClassAsync(p1, Body(published, ProjectStart));
        var people = platform.PeopleA.Skip(40).Take(6).ToList();
        var job = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, people.Select(p => RosterPlatform.Row(p, 24m))), "研修班名单.csv");
        Assert.True(job.Status() == "Completed", job.ToString());
        var records = await platform.RecordsAsync(classId);
        Assert.Equal(6, records.Count);
        Assert.All(records, r => Assert.Equal((RecordSource.ProjectRoster, CreditRecordStatus.Approved), (r.Source, r.Status)));

        // The demo's 2024 plan: one more approved seminar (the draft does not count) and exactly these six trainees more.
        var after = await SeminarProgressAsync(office);
        Assert.Equal((before.Projects + 1, before.Trainees + 6), after);
    }

    private static async Task<(int Projects, int Trainees)> SeminarProgressAsync(HttpClient office)
    {
        var plan = await office.GetJsonAsync("/api/annual-plans/2024");
        var seminars = plan.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "AdvancedSeminar");
        return (seminars.GetProperty("actualProjects").GetInt32(), seminars.GetProperty("actualTrainees").GetInt32());
    }

    private static Dictionary<string, object?> Body(Guid projectId, DateOnly start, Guid? providerId = null)
    {
        var body = RosterPlatform.ClassBody(start, providerId: providerId);
        body["projectId"] = projectId;
        return body;
    }

    private static async Task RefusedAsync(HttpClient client, Dictionary<string, object?> body, string field, string code)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(problem.FieldErrors, e => e.Field == field && e.Code == code);
    }

    // A municipal advanced seminar of P1 in 任城区 (health), set straight into the state under test: the workflow that
    // leads there has its own tests.
    private Task<Guid> ProjectAsync(string number, ProjectStatus status) => platform.QueryAsync(async db =>
    {
        var bureau = await db.Organizations.Where(o => o.Code == "CB-" + ImportPlatform.CountyA).Select(o => o.Id).SingleAsync();
        var project = new Project
        {
            Number = number,
            Title = "知识更新工程高级研修班 " + number,
            Type = ProjectType.AdvancedSeminar,
            Level = ProjectLevel.Municipal,
            Status = status,
            ApplicantOrganizationId = platform.P1Id,
            RecommenderOrganizationId = bureau,
            ProviderId = platform.P1Id,
            RegionCode = ImportPlatform.CountyA,
            DepartmentCode = Departments.Health,
            CreditYear = 2024,
            StartDate = ProjectStart,
            EndDate = ProjectStart.AddDays(30),
            Capacity = 60,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            StatusChangedAt = DateTime.UtcNow,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    });
}
