using System.Text.Json;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;

namespace KnowledgeRenewal.IntegrationTests.Projects;

/// <summary>The demo projects and the OData feeds Projects and ProjectTransitions.</summary>
public sealed class ProjectFeedTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    [Fact]
    public async Task The_demo_has_projects_of_every_type_and_level_over_the_years_with_consistent_histories()
    {
        var (projects, transitions) = await platform.QueryAsync(async db =>
            (await db.Projects.IgnoreQueryFilters().Where(p => p.CreatedByUserId == null).ToListAsync(),
             await db.ProjectTransitions.IgnoreQueryFilters().ToListAsync()));
        Assert.InRange(projects.Count, 30, 60);
        Assert.Equal(Enum.GetValues<ProjectType>().Order(), projects.Select(p => p.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<ProjectLevel>().Order(), projects.Select(p => p.Level).Distinct().Order());
        Assert.Equal([2023, 2024, 2025, 2026], projects.Select(p => p.CreditYear).Where(y => y <= 2026).Distinct().Order());
        foreach (var state in new[] { ProjectStatus.Archived, ProjectStatus.Rejected, ProjectStatus.PublicNotice, ProjectStatus.ForwardedUpstream, ProjectStatus.UnderReview, ProjectStatus.Submitted })
        {
            Assert.Contains(projects, p => p.Status == state);
        }

        // Every history is a chain from draft to the project's state, step by step through the transition table.
        foreach (var project in projects)
        {
            var steps = transitions.Where(t => t.ProjectId == project.Id).OrderBy(t => t.Sequence).ToList();
            var state = ProjectStatus.Draft;
            foreach (var step in steps)
            {
                var rule = ProjectWorkflow.Find(state, step.Action);
                Assert.True(rule is not null && rule.To == step.ToStatus && step.FromStatus == state, $"{project.Number}: {step.Action} from {state}");
                state = step.ToStatus;
            }

            Assert.Equal(project.Status, state);
            Assert.Equal(project.BudgetTotalFen, project.CentralFundingFen + project.ProvincialFundingFen + project.MunicipalFundingFen + project.SelfRaisedFundingFen + project.EmployerFundingFen + project.IndividualFundingFen);
        }
    }

    [Fact]
    public async Task Demo_projects_that_were_completed_have_a_finished_class_with_approved_project_roster_records()
    {
        var (completed, classes, records) = await platform.QueryAsync(async db =>
            (await db.Projects.IgnoreQueryFilters().Where(p => p.CreatedByUserId == null && p.ProviderId != null && (p.Status == ProjectStatus.Completed || p.Status == ProjectStatus.Archived)).ToListAsync(),
             await db.TrainingClasses.IgnoreQueryFilters().Where(c => c.ProjectId != null).ToListAsync(),
             await db.CreditRecords.IgnoreQueryFilters().Where(r => r.Source == RecordSource.ProjectRoster && r.Status == CreditRecordStatus.Approved)
                 .GroupBy(r => r.ClassId).Select(g => new { ClassId = g.Key!.Value, Count = g.Count() }).ToListAsync()));
        Assert.NotEmpty(completed);
        foreach (var project in completed)
        {
            var finished = classes.Where(c => c.ProjectId == project.Id && c.Status == TrainingClassStatus.Finished).ToList();
            Assert.True(finished.Count > 0, $"{project.Number} has a finished class");
            Assert.All(finished, c => Assert.True(c.StartDate >= project.StartDate && c.EndDate <= project.EndDate && c.ProviderId == project.ProviderId, $"{c.Title} within {project.Number}"));
            Assert.True(finished.Sum(c => records.SingleOrDefault(r => r.ClassId == c.Id)?.Count ?? 0) > 0, $"{project.Number} has roster records");
        }
    }

    [Fact]
    public async Task OData_Projects_aggregate_by_type_level_region_field_and_year_within_the_callers_scope()
    {
        var office = await platform.OfficeAsync();
        var all = await platform.QueryAsync(db => db.Projects.IgnoreQueryFilters().ToListAsync());

        var byType = await office.GetAsAsync<ODataFeed<ProjectsByTypeEntity>>("/odata/Projects?$apply=groupby((Type),aggregate($count as Count,BudgetTotalFen with sum as Budget))", options: HttpJson.ODataAnswers);
        var rows = byType.Value.ToDictionary(r => r.Type, r => (r.Count, r.Budget));
        foreach (var group in all.GroupBy(p => p.Type))
        {
            Assert.Equal((group.Count(), group.Sum(p => p.BudgetTotalFen)), rows[group.Key.ToString()]);
        }

        var byLevelYear = await office.GetAsAsync<ODataFeed<TraineesEntity>>("/odata/Projects?$apply=groupby((Level,CreditYear,RegionCode,Field),aggregate(Capacity with sum as Trainees))", options: HttpJson.ODataAnswers);
        var total = byLevelYear.Value.Sum(r => r.Trainees);
        Assert.Equal(all.Sum(p => (long)p.Capacity), total);

        // The 太白湖新区 bureau groups only its region's projects.
        var taibaihu = await platform.TaibaihuAsync();
        var regional = await taibaihu.GetAsAsync<ODataFeed<ProjectsByRegionEntity>>("/odata/Projects?$apply=groupby((RegionCode),aggregate($count as Count))", options: HttpJson.ODataAnswers);
        var regions = regional.Value;
        Assert.Equal("370800-TBH", Assert.Single(regions).RegionCode);
        Assert.Equal(all.Count(p => p.RegionCode == "370800-TBH"), regions[0].Count);

        // The applications history: published projects' steps, with $filter and $expand from the project.
        var history = await office.GetAsAsync<ODataFeed<CountEntity>>("/odata/ProjectTransitions?$apply=filter(Action eq 'Publish')/aggregate($count as Count)", options: HttpJson.ODataAnswers);
        var published = await platform.QueryAsync(db => db.ProjectTransitions.IgnoreQueryFilters().CountAsync(t => t.Action == ProjectAction.Publish));
        Assert.Equal(published, history.Value[0].Count);
        var expanded = await office.GetAsAsync<ODataFeed<ProjectWithTransitionsEntity>>("/odata/Projects?$filter=Status eq 'Archived'&$expand=Transitions($orderby=Sequence)&$top=1", options: HttpJson.ODataAnswers);
        var project = expanded.Value[0];
        Assert.Equal("Archive", project.Transitions[^1].Action);
        Assert.DoesNotContain("ConcurrencyStamp", project.Others.Keys);
        Assert.DoesNotContain("Objections", project.Others.Keys);
    }

    [Fact]
    public async Task Professionals_see_no_projects_through_the_feeds_and_employers_only_their_own()
    {
        var professional = await platform.Accounts.ClientAsync(Sdk.PlatformRoles.Professional, platform.EmployerCode);
        var none = await professional.GetAsAsync<ODataFeed<ProjectApplicantEntity>>("/odata/Projects?$count=true", options: HttpJson.ODataAnswers);
        Assert.Equal(0, none.Count);

        var employer = await platform.EmployerAsync();
        var own = await employer.GetAsAsync<ODataFeed<ProjectApplicantEntity>>("/odata/Projects?$select=ApplicantOrganizationId,ProviderId", options: HttpJson.ODataAnswers);
        var employerId = await platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Code == platform.EmployerCode).Select(o => o.Id).SingleAsync());
        Assert.All(own.Value, p => Assert.Equal(employerId, p.ApplicantOrganizationId));
        _ = JsonValueKind.Null;
    }
}
