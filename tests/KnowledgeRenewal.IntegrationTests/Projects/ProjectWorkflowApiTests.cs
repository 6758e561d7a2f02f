using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Projects;

/// <summary>The project workflow through HTTP with accounts at the demo organizations.</summary>
public sealed class ProjectWorkflowApiTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    [Fact]
    public async Task A_review_names_an_expert_of_the_pool_who_has_no_conflict_of_interest_with_the_applicant()
    {
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        var office = await platform.OfficeAsync();
        async Task<(Guid Id, string ETag, Guid Applicant)> UnderReviewAsync(string title)
        {
            var (id, etag) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application(title, ProjectType.AdvancedSeminar, platform.HealthDepartmentId));
            (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
            (_, etag) = await ProjectPlatform.StepOkAsync(health, id, "recommend", etag);
            var (_, started) = await ProjectPlatform.StepOkAsync(office, id, "start-review", etag);
            var applicant = (await office.GetJsonAsync($"/api/projects/{id}")).GetProperty("project").GetProperty("applicantOrganizationId").GetGuid();
            return (id, started, applicant);
        }

        var (first, etag, applicant) = await UnderReviewAsync("专家回避测试研修班（一）");

        // No expert of the pool named: 400 with the field.
        using (var missing = await ProjectPlatform.StepAsync(office, first, "score", etag, new { score = 80 }))
        {
            var problem = await missing.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Contains(problem.FieldErrors, e => e.Field == "expertId");
        }

        using (var unknown = await ProjectPlatform.StepAsync(office, first, "score", etag, new { expertId = Guid.NewGuid(), score = 80 }))
        {
            var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.UnknownExpert);
            Assert.Contains(problem.FieldErrors, e => e.Field == "expertId");
        }

        // An expert of the applicant's own organization: 409, in Chinese, nothing recorded.
        var own = await ProjectPlatform.PoolExpertAsync(office, applicant);
        using (var conflicted = await ProjectPlatform.StepAsync(office, first, "score", etag, new { expertId = own, score = 80 }))
        {
            var problem = await conflicted.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.ExpertConflict);
            Assert.Contains("本单位", problem.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, await platform.QueryAsync(db => db.ProjectReviews.IgnoreQueryFilters().CountAsync(r => r.ProjectId == first)));

        // A free expert scores once; the review keeps the id and the name as a snapshot.
        var expert = await ProjectPlatform.PoolExpertAsync(office, null, "回避测试专家");
        (_, etag) = await ProjectPlatform.StepOkAsync(office, first, "score", etag, new { expertId = expert, score = 82 });
        var review = (await office.GetJsonAsync($"/api/projects/{first}")).GetProperty("reviews").EnumerateArray().Single();
        Assert.Equal(expert, review.GetProperty("expertId").GetGuid());
        Assert.Equal("回避测试专家", review.GetProperty("expertName").GetString());
        using (var twice = await ProjectPlatform.StepAsync(office, first, "score", etag, new { expertId = expert, score = 90 }))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.DuplicateReview);
        }

        // Recent co-work: having reviewed the applicant's project, the same expert may not review its next one for months.
        var (second, secondTag, _) = await UnderReviewAsync("专家回避测试研修班（二）");
        using (var again = await ProjectPlatform.StepAsync(office, second, "score", secondTag, new { expertId = expert, score = 85 }))
        {
            var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.ExpertConflict);
            Assert.Contains("个月内评审或检查过该单位", problem.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_municipal_seminar_walks_from_draft_to_published_and_every_step_is_in_its_history()
    {
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        var office = await platform.OfficeAsync();
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("医疗卫生高层次人才高级研修班（流程测试）", ProjectType.AdvancedSeminar, platform.HealthDepartmentId));

        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag, new { comment = "请审核" });
        (_, etag) = await ProjectPlatform.StepOkAsync(health, id, "recommend", etag, new { comment = "同意推荐" });
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "start-review", etag);
        using (var review = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/projects/{id}/reviews", UriKind.Relative)) { Content = JsonContent.Create(await ProjectPlatform.ScoreAsync(office, 88, "主题聚焦")) })
        {
            review.Headers.TryAddWithoutValidation("If-Match", etag);
            using var reviewed = await office.SendAsync(review);
            await reviewed.ReadAsAsync<ProjectDetailAnswer>(HttpStatusCode.OK, "review");
            etag = reviewed.Headers.ETag!.Tag;
        }

        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "score", etag, await ProjectPlatform.ScoreAsync(office, 92));
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "approve", etag, new { comment = "同意立项" });
        var (notice, noticeTag) = await ProjectPlatform.StepOkAsync(office, id, "start-notice", etag);
        etag = noticeTag;

        // The notice runs five working days from today (CST), holidays and adjusted working days counted.
        var calendar = platform.Factory.Services.GetRequiredService<WorkingDayCalendar>();
        var (start, end) = calendar.Period(ProgramCalendar.Today(TimeProvider.System), 5);
        Assert.Equal(start, notice.Project.NoticeStart);
        Assert.Equal(end, notice.Project.NoticeEnd);

        using (var early = await ProjectPlatform.StepAsync(office, id, "publish", etag))
        {
            await early.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.NoticeRunning);
        }

        await platform.ShiftIntoPastAsync(id, 20);
        etag = await ProjectPlatform.ETagAsync(office, id);
        var (published, _) = await ProjectPlatform.StepOkAsync(office, id, "publish", etag, new { comment = "公示期满无异议" });
        Assert.Equal("Published", published.Project.Status);
        Assert.Equal(90m, published.AverageScore);

        var history = published.History;
        Assert.Equal(["submit", "recommend", "start-review", "score", "score", "approve", "start-notice", "publish"], history.Select(h => h.Action));
        Assert.Equal([PlatformRoles.ProviderStaff, PlatformRoles.DepartmentAdmin, PlatformRoles.ProgramOfficeAdmin], history.Take(3).Select(h => h.ActorRole));
        Assert.Equal("行业主管部门管理员", history[1].ActorRoleName);
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.ActorName)));
        Assert.Equal("同意推荐", history[1].Comment);
        Assert.Equal(92, history[4].ExpertScore);
        Assert.Equal(Enumerable.Range(1, 8), history.Select(h => h.Sequence));

        // The budget is exact: 250,000.00 + 50,000.00 yuan.
        Assert.Equal(30_000_000L, published.Project.Budget.TotalFen);

        // Scope: the provider and its sector see it; 任城区's bureau does not.
        await provider.GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}");
        var rencheng = await platform.RenchengAsync();
        using var hidden = await rencheng.GetAsync(new Uri($"/api/projects/{id}", UriKind.Relative));
        await hidden.AssertProblemAsync(HttpStatusCode.NotFound, ProjectProblemCodes.NotFound);
    }

    [Fact]
    public async Task A_provincial_seminar_is_recommended_upward_and_its_outcome_recorded_with_the_reference_number()
    {
        var employer = await platform.EmployerAsync();
        var health = await platform.HealthAsync();
        var office = await platform.OfficeAsync();
        var (id, etag) = await ProjectPlatform.CreateAsync(employer, ProjectPlatform.Application("省级高级研修项目（推荐测试）", ProjectType.AdvancedSeminar, platform.HealthDepartmentId, ProjectLevel.Provincial));
        (_, etag) = await ProjectPlatform.StepOkAsync(employer, id, "submit", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(health, id, "recommend", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "start-review", etag);

        using (var unreviewed = await ProjectPlatform.StepAsync(office, id, "recommend-upward", etag))
        {
            await unreviewed.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.ReviewsMissing);
        }

        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "score", etag, await ProjectPlatform.ScoreAsync(office, 85, "建议推荐"));
        using (var approve = await ProjectPlatform.StepAsync(office, id, "approve", etag))
        {
            var problem = await approve.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.UpstreamLevel);
            Assert.Contains("省级", problem.Detail, StringComparison.Ordinal);
        }

        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "recommend-upward", etag, new { comment = "同意向省人社厅推荐" });
        using (var noReference = await ProjectPlatform.StepAsync(office, id, "record-upstream-approval", etag))
        {
            await noReference.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.ReferenceRequired);
        }

        var (approved, _) = await ProjectPlatform.StepOkAsync(office, id, "record-upstream-approval", etag, new { referenceNumber = "鲁人社字〔2026〕58号", comment = "省人社厅批准" });
        Assert.Equal("Approved", approved.Project.Status);
        Assert.Equal("鲁人社字〔2026〕58号", approved.Project.UpstreamReference);
        var last = approved.History[^1];
        Assert.Equal("record-upstream-approval", last.Action);
        Assert.Equal("ForwardedUpstream", last.From);
        Assert.Equal("鲁人社字〔2026〕58号", last.ReferenceNumber);
    }

    [Fact]
    public async Task Forbidden_transitions_get_409_with_stable_codes_and_changes_need_the_current_etag()
    {
        var provider = await platform.ProviderAsync();
        var office = await platform.OfficeAsync();
        var taibaihu = await platform.TaibaihuAsync();
        var health = await platform.HealthAsync();
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("数字技术工程师培育（禁止操作测试）", ProjectType.DigitalEngineer, platform.HealthDepartmentId));

        using (var notFromDraft = await ProjectPlatform.StepAsync(office, id, "approve", etag))
        {
            var problem = await notFromDraft.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.TransitionNotAllowed);
            Assert.Contains("草稿", problem.Detail, StringComparison.Ordinal);
        }

        using (var wrongRole = await ProjectPlatform.StepAsync(taibaihu, id, "submit", etag))
        {
            await wrongRole.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.RoleNotAllowed);
        }

        using (var missing = await ProjectPlatform.StepAsync(provider, id, "submit", null))
        {
            await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.precondition_required");
        }

        using (var unknown = await ProjectPlatform.StepAsync(provider, id, "teleport", etag))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.NotFound, ProjectProblemCodes.UnknownAction);
        }

        var (_, submitted) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
        using (var stale = await ProjectPlatform.StepAsync(provider, id, "withdraw", etag))
        {
            await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        }

        // The 太白湖新区 bureau has the recommender's role but the health department is this project's recommender.
        using (var notRecommender = await ProjectPlatform.StepAsync(taibaihu, id, "recommend", submitted))
        {
            await notRecommender.AssertProblemAsync(HttpStatusCode.Forbidden, ProjectProblemCodes.NotResponsible);
        }

        using (var noReason = await ProjectPlatform.StepAsync(health, id, "return", submitted))
        {
            await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.CommentRequired);
        }

        var (returned, _) = await ProjectPlatform.StepOkAsync(health, id, "return", submitted, new { comment = "请补充培训方案" });
        Assert.Equal("Draft", returned.Project.Status);
    }

    [Fact]
    public async Task Nobody_recommends_or_approves_their_own_organizations_application()
    {
        var office = await platform.OfficeAsync();
        var rencheng = await platform.RenchengAsync();
        var body = ProjectPlatform.Application("项目办公需科目能力提升培训（回避测试）", ProjectType.CapacityBuilding, platform.RenchengBureauId, regionCode: "370811");
        var (id, etag) = await ProjectPlatform.CreateAsync(office, body);
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "submit", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(rencheng, id, "recommend", etag);
        using (var ownReview = await ProjectPlatform.StepAsync(office, id, "start-review", etag))
        {
            var problem = await ownReview.AssertProblemAsync(HttpStatusCode.Forbidden, ProjectProblemCodes.OwnApplication);
            Assert.Contains("本单位", problem.Detail, StringComparison.Ordinal);
        }

        // A county bureau applying cannot name itself as the recommender.
        using var self = await rencheng.PostAsJsonAsync(new Uri("/api/projects", UriKind.Relative),
            ProjectPlatform.Application("任城区高级研修班（自荐测试）", ProjectType.AdvancedSeminar, platform.RenchengBureauId));
        await self.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.InvalidRecommender);
    }

    [Fact]
    public async Task Of_two_reviewers_approving_at_once_exactly_one_wins()
    {
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        var office = await platform.OfficeAsync();
        var other = await platform.SecondOfficeAsync();
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("并发审批测试研修班", ProjectType.AdvancedSeminar, platform.HealthDepartmentId));
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(health, id, "recommend", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "start-review", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "score", etag, await ProjectPlatform.ScoreAsync(office, 90));

        var results = await Task.WhenAll(
            ProjectPlatform.StepAsync(office, id, "approve", etag, new { comment = "甲同意" }),
            ProjectPlatform.StepAsync(other, id, "approve", etag, new { comment = "乙同意" }));
        var statuses = results.Select(r => r.StatusCode).ToArray();
        foreach (var result in results)
        {
            result.Dispose();
        }

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(1, statuses.Count(s => s is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict));
        var detail = await office.GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}");
        Assert.Single(detail.History, h => h.Action == "approve");
    }

    [Fact]
    public async Task Overdue_applications_are_listed_for_whoever_must_act()
    {
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("逾期测试研修班", ProjectType.AdvancedSeminar, platform.HealthDepartmentId));
        await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
        var before = await health.GetAsAsync<OverdueProjectAnswer[]>("/api/projects/overdue");
        Assert.DoesNotContain(before, o => o.Id == id);

        await platform.ShiftIntoPastAsync(id, 30);
        var after = await health.GetAsAsync<OverdueProjectAnswer[]>("/api/projects/overdue");
        var overdue = Assert.Single(after, o => o.Id == id);
        Assert.Equal("Submitted", overdue.Status);
        Assert.True(overdue.WorkingDaysOverdue > 0);
        Assert.Equal("推荐单位", overdue.Responsible);
    }

    [Fact]
    public async Task A_project_completes_only_with_a_finished_class_that_has_credit_records_and_a_summary()
    {
        var provider = await platform.ProviderAsync();
        var office = await platform.OfficeAsync();
        var id = await platform.InNoticeAsync("结项测试研修班");
        await platform.ShiftIntoPastAsync(id, 20);
        var (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "publish", await ProjectPlatform.ETagAsync(office, id));
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "start", etag);
        using (var noRoster = await ProjectPlatform.StepAsync(provider, id, "complete", etag, new { summary = "已完成" }))
        {
            await noRoster.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.RosterMissing);
        }

        // The class of the project finishes and its roster becomes an approved credit record.
        await platform.QueryAsync(async db =>
        {
            var providerId = await db.Organizations.IgnoreQueryFilters().Where(o => o.Code == platform.ProviderCode).Select(o => o.Id).SingleAsync();
            var person = await db.Professionals.IgnoreQueryFilters().OrderBy(p => p.Id).FirstAsync();
            var trainingClass = new TrainingClass
            {
                ProviderId = providerId,
                ProjectId = id,
                Title = "结项测试研修班第一期",
                StartDate = new DateOnly(2026, 4, 12),
                EndDate = new DateOnly(2026, 4, 16),
                Hours = CreditHours.FromHours(40m),
                Category = CreditCategory.Professional,
                Status = TrainingClassStatus.Finished,
                CreatedAt = DateTime.UtcNow,
            };
            db.TrainingClasses.Add(trainingClass);
            db.CreditRecords.Add(new CreditRecord
            {
                ProfessionalId = person.Id,
                Date = trainingClass.EndDate,
                CreditYear = 2026,
                Category = CreditCategory.Professional,
                Activity = ActivityType.ClassroomTraining,
                Hours = CreditHours.FromHours(40m),
                EnteredAmount = 40m,
                Title = trainingClass.Title,
                Source = RecordSource.ProjectRoster,
                ProviderId = providerId,
                ClassId = trainingClass.Id,
                RecordedAt = DateTime.UtcNow,
                RegionCode = person.RegionCode,
                DepartmentCode = person.DepartmentCode,
                EmployerId = person.EmployerId,
            }.ApprovedOnEntry(LedgerActor.System, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return 0;
        });

        using (var noSummary = await ProjectPlatform.StepAsync(provider, id, "complete", etag))
        {
            await noSummary.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.SummaryMissing);
        }

        var (completed, done) = await ProjectPlatform.StepOkAsync(provider, id, "complete", etag, new { summary = "共培训 38 人，学员名单已上传。" });
        Assert.Equal("Completed", completed.Project.Status);
        Assert.Equal("共培训 38 人，学员名单已上传。", completed.Project.Summary);
        var (archived, _) = await ProjectPlatform.StepOkAsync(office, id, "archive", done);
        Assert.Equal("Archived", archived.Project.Status);
        Assert.Empty(archived.Project.NextActions);
    }

    [Fact]
    public async Task A_provider_hosts_only_its_own_projects_and_the_others_name_a_provider_within_their_scope()
    {
        var (own, other) = await platform.QueryAsync(async db =>
        {
            var providers = await db.Organizations.IgnoreQueryFilters().Where(o => o.Name == "济宁医学院" || o.Name == "济宁学院").ToDictionaryAsync(o => o.Name, o => o.Id);
            return (providers["济宁医学院"], providers["济宁学院"]);
        });
        var provider = await platform.ProviderAsync();

        // The demo provider (济宁医学院, 太白湖新区, health) names another provider as host: refused, on create and on edit.
        using (var foreign = await provider.PostAsJsonAsync(new Uri("/api/projects", UriKind.Relative), Body("主办单位测试研修班（他人承办）", other)))
        {
            var problem = await foreign.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.InvalidHost);
            Assert.Equal("providerId", Assert.Single(problem.FieldErrors).Field);
        }

        var (id, etag) = await ProjectPlatform.CreateAsync(provider, Body("主办单位测试研修班（本机构承办）", own));
        using (var edit = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/projects/{id}", UriKind.Relative)) { Content = JsonContent.Create(Body("主办单位测试研修班（改为他人承办）", other)) })
        {
            edit.Headers.TryAddWithoutValidation("If-Match", etag);
            using var refused = await provider.SendAsync(edit);
            await refused.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.InvalidHost);
        }

        Assert.Equal(own, (await provider.GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}")).Project.ProviderId);

        // A county bureau names a provider of its region, a line department one of its sector; not one outside.
        var taibaihu = await platform.TaibaihuAsync();
        var health = await platform.HealthAsync();
        var employer = await platform.EmployerAsync();
        await ProjectPlatform.CreateAsync(taibaihu, Body("太白湖新区高级研修班（承办测试）", own, departmentCode: "health"));
        await ProjectPlatform.CreateAsync(health, Body("卫生健康高级研修班（承办测试）", own, recommender: platform.TaibaihuBureauId, regionCode: "370800-TBH"));
        foreach (var (applicant, body) in new[]
        {
            (taibaihu, Body("太白湖新区高级研修班（区外承办）", other, departmentCode: "health")),
            (health, Body("卫生健康高级研修班（行业外承办）", other, recommender: platform.TaibaihuBureauId, regionCode: "370800-TBH")),
            (employer, Body("用人单位高级研修班（指定承办）", own)),
        })
        {
            using var response = await applicant.PostAsJsonAsync(new Uri("/api/projects", UriKind.Relative), body);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.InvalidHost);
        }

        System.Text.Json.Nodes.JsonObject Body(string title, Guid host, Guid? recommender = null, string? regionCode = null, string? departmentCode = null)
        {
            var body = System.Text.Json.JsonSerializer.SerializeToNode(ProjectPlatform.Application(title, ProjectType.AdvancedSeminar, recommender ?? platform.HealthDepartmentId, regionCode: regionCode))!.AsObject();
            body["providerId"] = host;
            body["departmentCode"] = departmentCode;
            return body;
        }
    }

    [Fact]
    public async Task The_applicant_edits_a_draft_with_if_match_and_nothing_once_submitted()
    {
        var provider = await platform.ProviderAsync();
        var employer = await platform.EmployerAsync();
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("草稿修改测试培训", ProjectType.CapacityBuilding, platform.HealthDepartmentId));
        var changed = ProjectPlatform.Application("草稿修改测试培训（修订）", ProjectType.CapacityBuilding, platform.TaibaihuBureauId);
        using (var put = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/projects/{id}", UriKind.Relative)) { Content = JsonContent.Create(changed) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await provider.SendAsync(put);
            var view = await response.ReadAsAsync<ProjectDetailAnswer>(HttpStatusCode.OK, "update draft");
            Assert.Equal("草稿修改测试培训（修订）", view.Project.Title);
            Assert.Equal(platform.TaibaihuBureauId, view.Project.RecommenderOrganizationId);
            etag = response.Headers.ETag!.Tag;
        }

        // Seminars and capacity building may be applied for by employers — but not edited for another organization.
        using (var foreign = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/projects/{id}", UriKind.Relative)) { Content = JsonContent.Create(changed) })
        {
            foreign.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await employer.SendAsync(foreign);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        }

        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
        using var late = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/projects/{id}", UriKind.Relative)) { Content = JsonContent.Create(changed) };
        late.Headers.TryAddWithoutValidation("If-Match", etag);
        using var refused = await provider.SendAsync(late);
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.NotDraft);
    }

    [Fact]
    public void The_host_calendar_has_the_configured_holidays_and_adjusted_working_days()
    {
        var calendar = platform.Factory.Services.GetRequiredService<WorkingDayCalendar>();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 10, 8)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 10, 11)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));
    }
}
