using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Projects;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Bases;

/// <summary>Base supervision through HTTP on a demo platform: designation from an approved project, status, scorecards, assessment, evaluations.</summary>
public sealed class SupervisionBasesApiTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    [Fact]
    public async Task Approving_a_base_construction_project_designates_the_base_and_a_second_one_renews_it_after_the_period()
    {
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        var office = await platform.OfficeAsync();
        var title = $"济宁市专业技术人员继续教育基地（测试{Guid.NewGuid():N}）"[..40];
        var projectId = await ApprovedAsync(provider, health, office, ProjectPlatform.Application(title, ProjectType.BaseConstruction, platform.HealthDepartmentId));

        var bases = await office.GetJsonAsync("/api/supervision/bases?pageSize=100");
        var row = bases.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("name").GetString() == title);
        Assert.Equal("Municipal", row.GetProperty("level").GetString());
        Assert.Equal("Active", row.GetProperty("status").GetString());
        var baseId = row.GetProperty("id").GetGuid();

        var detail = await office.GetJsonAsync($"/api/supervision/bases/{baseId}");
        var designation = Assert.Single(detail.GetProperty("designations").EnumerateArray());
        Assert.Equal(projectId, designation.GetProperty("projectId").GetGuid());
        Assert.Equal("CitySelection", designation.GetProperty("source").GetString());
        var firstEnd = DateOnly.Parse(designation.GetProperty("validTo").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ProjectPlatform.Today.AddYears(3).AddDays(-1), firstEnd);
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "Active" && h.GetProperty("reason").GetString()!.Contains("获批", StringComparison.Ordinal));

        // A second base-construction project on the same base renews it from the day after the running period.
        var again = ProjectPlatform.Application(title + "（续建）", ProjectType.BaseConstruction, platform.HealthDepartmentId);
        var body = JsonSerializer.SerializeToElement(again, HttpJson.Answers);
        var withBase = JsonSerializer.Deserialize<Dictionary<string, object?>>(body.GetRawText(), HttpJson.Answers)!;
        withBase["educationBaseId"] = baseId;
        await ApprovedAsync(provider, health, office, withBase);
        detail = await office.GetJsonAsync($"/api/supervision/bases/{baseId}");
        var renewal = detail.GetProperty("designations").EnumerateArray().First();
        Assert.True(renewal.GetProperty("renewal").GetBoolean());
        Assert.Equal(firstEnd.AddDays(1), DateOnly.Parse(renewal.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // The program office puts it under rectification with a reason (If-Match); a revoked base cannot be reactivated by hand.
        using var noTag = await ProjectPlatform.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/status", new { status = "UnderReview", reason = "检查发现问题" });
        Assert.Equal(HttpStatusCode.PreconditionRequired, noTag.StatusCode);
        var etag = await ETagAsync(office, baseId);
        using var review = await ProjectPlatform.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/status", new { status = "UnderReview", reason = "检查发现培训档案不全，限期整改。" }, etag);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        etag = await ETagAsync(office, baseId);
        using var revoke = await ProjectPlatform.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/status", new { status = "Revoked", reason = "整改不到位，撤销。" }, etag);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        etag = await ETagAsync(office, baseId);
        using var back = await ProjectPlatform.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/status", new { status = "Active", reason = "恢复" }, etag);
        await back.AssertProblemAsync(HttpStatusCode.Conflict, BaseProblemCodes.StatusNotAllowed);
        var status = await platform.QueryAsync(db => db.EducationBases.IgnoreQueryFilters().Where(b => b.Id == baseId).Select(b => b.Status).SingleAsync());
        Assert.Equal(KnowledgeRenewal.Registry.Domain.BaseStatus.Revoked, status);

        // Other roles may not change a status.
        using var refused = await ProjectPlatform.SendAsync(provider, HttpMethod.Post, $"/api/supervision/bases/{baseId}/status", new { status = "Active", reason = "x" }, etag);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_participant_rates_a_finished_class_once_and_the_scorecard_and_class_show_only_aggregates()
    {
        var (classId, baseId, year, professionalId) = await platform.QueryAsync(async db =>
        {
            var baseOrgs = await db.EducationBases.IgnoreQueryFilters().Select(b => new { b.Id, b.OrganizationId }).ToListAsync();
            var orgs = baseOrgs.Select(b => b.OrganizationId).ToList();
            var record = await db.CreditRecords.IgnoreQueryFilters()
                .Where(r => r.Status == CreditRecordStatus.Approved && r.ClassId != null && r.ProviderId != null && orgs.Contains(r.ProviderId.Value)
                    && r.Class!.Status == TrainingClassStatus.Finished && r.Professional!.UserId == null)
                .OrderBy(r => r.Id).Select(r => new { ClassId = r.ClassId!.Value, ProviderId = r.ProviderId!.Value, r.ProfessionalId, Year = r.Class!.EndDate.Year }).FirstAsync();
            await db.Set<ClassEvaluation>().Where(e => e.ProfessionalId == record.ProfessionalId).ExecuteDeleteAsync();
            return (record.ClassId, baseOrgs.First(b => b.OrganizationId == record.ProviderId).Id, record.Year, record.ProfessionalId);
        });
        var account = await platform.Accounts.CreateAsync($"test.rater.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], "PO");
        await platform.QueryAsync(async db =>
        {
            var person = await db.Professionals.IgnoreQueryFilters().SingleAsync(p => p.Id == professionalId);
            person.UserId = account.Id;
            return await db.SaveChangesAsync();
        });
        var professional = await platform.Accounts.SignedInClientAsync(account);
        var office = await platform.OfficeAsync();

        var before = await office.GetJsonAsync($"/api/supervision/bases/{baseId}/scorecards/{year}");
        var countBefore = before.GetProperty("evaluations").GetProperty("count").GetInt32();

        var mine = await professional.GetJsonAsync("/api/supervision/my/classes");
        var listed = mine.EnumerateArray().Single(c => c.GetProperty("classId").GetGuid() == classId);
        Assert.True(listed.GetProperty("ended").GetBoolean());
        Assert.False(listed.GetProperty("rated").GetBoolean());

        using (var invalid = await ProjectPlatform.SendAsync(professional, HttpMethod.Post, $"/api/supervision/classes/{classId}/evaluation", new { content = 6, teacher = 5, organization = 5, usefulness = 5 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        const string comment = "案例很实用，建议增加实操时间。";
        using (var rated = await ProjectPlatform.SendAsync(professional, HttpMethod.Post, $"/api/supervision/classes/{classId}/evaluation", new { content = 5, teacher = 4, organization = 4, usefulness = 5, comment }))
        {
            Assert.Equal(HttpStatusCode.NoContent, rated.StatusCode);
        }

        using (var twice = await ProjectPlatform.SendAsync(professional, HttpMethod.Post, $"/api/supervision/classes/{classId}/evaluation", new { content = 1, teacher = 1, organization = 1, usefulness = 1 }))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict, BaseProblemCodes.AlreadyRated);
        }

        var after = await office.GetJsonAsync($"/api/supervision/bases/{baseId}/scorecards/{year}");
        Assert.Equal(countBefore + 1, after.GetProperty("evaluations").GetProperty("count").GetInt32());

        // The class's evaluations: aggregates and the comment, never who rated.
        var evaluations = await office.GetJsonAsync($"/api/supervision/classes/{classId}/evaluations");
        Assert.Contains(comment, evaluations.GetProperty("comments").Strings(""));
        var raw = evaluations.GetRawText();
        Assert.DoesNotContain(professionalId.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        var name = await platform.QueryAsync(db => db.Professionals.IgnoreQueryFilters().Where(p => p.Id == professionalId).Select(p => p.Name).SingleAsync());
        Assert.DoesNotContain(name, raw, StringComparison.Ordinal);

        // Someone without a record in the class may not rate it.
        var stranger = await platform.Accounts.SignedInClientAsync(await platform.Accounts.CreateAsync($"test.str.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], "PO"));
        using var refused = await ProjectPlatform.SendAsync(stranger, HttpMethod.Post, $"/api/supervision/classes/{classId}/evaluation", new { content = 3, teacher = 3, organization = 3, usefulness = 3 });
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, BaseProblemCodes.NotRatable);
    }

    [Fact]
    public async Task The_scorecard_indicators_list_the_records_they_count_and_an_assessment_records_the_method_version()
    {
        var office = await platform.OfficeAsync();
        var bases = await office.GetJsonAsync("/api/supervision/bases?pageSize=100");
        var (baseId, organizationId) = await platform.QueryAsync(async db =>
        {
            var b = await db.EducationBases.IgnoreQueryFilters().OrderBy(x => x.DesignatedOn).FirstAsync();
            return (b.Id, b.OrganizationId);
        });
        var year = await platform.QueryAsync(db => db.CreditRecords.IgnoreQueryFilters()
            .Where(r => r.ProviderId == organizationId && r.ClassId != null && r.Status == CreditRecordStatus.Approved).MaxAsync(r => (int?)r.CreditYear)) ?? ProjectPlatform.Today.Year;
        var card = await office.GetJsonAsync($"/api/supervision/bases/{baseId}/scorecards/{year}");
        var figures = card.GetProperty("figures");
        var trainees = figures.GetProperty("trainees").GetInt32();
        var records = await office.GetJsonAsync($"/api/supervision/bases/{baseId}/scorecards/{year}/trainees?pageSize=100");
        var distinct = await platform.QueryAsync(db => db.CreditRecords.IgnoreQueryFilters()
            .Where(r => r.ProviderId == organizationId && r.ClassId != null && r.Status == CreditRecordStatus.Approved && r.CreditYear == year)
            .Select(r => r.ProfessionalId).Distinct().CountAsync());
        Assert.Equal(distinct, trainees);
        Assert.True(records.GetProperty("total").GetInt32() >= trainees);
        var seminars = await office.GetJsonAsync($"/api/supervision/bases/{baseId}/scorecards/{year}/seminars?pageSize=100");
        Assert.Equal(figures.GetProperty("seminars").GetInt32(), seminars.GetProperty("total").GetInt32());

        // The program office adds a method version; an assessment then records it.
        using var method = await ProjectPlatform.SendAsync(office, HttpMethod.Post, "/api/supervision/assessment-methods",
            new { traineesWeight = 50, seminarsWeight = 10, coursesWeight = 10, completionWeight = 10, satisfactionWeight = 10, inspectionWeight = 10, seminarsTarget = 2, coursesTarget = 4, passMark = 60, note = "测试版本" });
        var added = await method.ReadJsonAsync(HttpStatusCode.Created, "method");
        var version = added.GetProperty("version").GetInt32();
        using var assess = await ProjectPlatform.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/assessments/{year}", new { note = "测试考核" });
        var assessment = await assess.ReadJsonAsync(HttpStatusCode.OK, "assess");
        Assert.Equal(version, assessment.GetProperty("methodVersion").GetInt32());
        Assert.Equal(trainees, assessment.GetProperty("trainees").GetInt32());

        // Without weights above 0 the method is refused, in people's words.
        using var zero = await ProjectPlatform.SendAsync(office, HttpMethod.Post, "/api/supervision/assessment-methods",
            new { traineesWeight = 0, seminarsWeight = 0, coursesWeight = 0, completionWeight = 0, satisfactionWeight = 0, inspectionWeight = 0, seminarsTarget = 2, coursesTarget = 4, passMark = 60, note = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);

        // The demo data has a base below the bar twice in a row, proposed for exit.
        var proposed = await platform.QueryAsync(db => db.Set<BaseAssessment>().IgnoreQueryFilters().CountAsync(a => a.ProposedExit));
        Assert.True(proposed > 0);
        Assert.NotEqual(0, bases.GetProperty("total").GetInt32());
    }

    private static async Task<string> ETagAsync(HttpClient client, Guid baseId)
    {
        using var response = await client.GetAsync(new Uri($"/api/supervision/bases/{baseId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    private static async Task<Guid> ApprovedAsync(HttpClient provider, HttpClient health, HttpClient office, object application)
    {
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, application);
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(health, id, "recommend", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "start-review", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "score", etag, await ProjectPlatform.ScoreAsync(office, 86));
        await ProjectPlatform.StepOkAsync(office, id, "approve", etag);
        return id;
    }
}
