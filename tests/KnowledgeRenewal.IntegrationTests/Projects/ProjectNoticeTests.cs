using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Programs.Domain;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Projects;

/// <summary>Public notice: the public page, objections (page and API) and their resolution before publication.</summary>
public sealed class ProjectNoticeTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task An_objection_filed_on_the_notices_page_blocks_publication_until_the_program_office_dismisses_it()
    {
        var id = await platform.InNoticeAsync("公示异议测试研修班（页面）");
        using var browser = new WebBrowser(platform.Factory);
        var page = await browser.GetAsync("/notices");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("公示异议测试研修班（页面）", page.Html, StringComparison.Ordinal);
        Assert.Contains("济宁医学院", page.Html, StringComparison.Ordinal);

        var filed = await browser.PostAsync("/notices", new Dictionary<string, string?>
        {
            ["ProjectId"] = id.ToString(),
            ["Reason"] = "该研修班师资与申报材料不符。",
            ["ContactName"] = "周敏",
            ["ContactPhone"] = Phone,
        });
        Assert.Equal(HttpStatusCode.OK, filed.Status);
        Assert.Contains("异议已受理", filed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, filed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("周敏", filed.Html, StringComparison.Ordinal);

        // The notice period is over, but the objection is not resolved: no publication.
        await platform.ShiftIntoPastAsync(id, 20);
        var office = await platform.OfficeAsync();
        var etag = await ProjectPlatform.ETagAsync(office, id);
        using (var blocked = await ProjectPlatform.StepAsync(office, id, "publish", etag))
        {
            await blocked.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.ObjectionPending);
        }

        // The applicant sees the objection, not who filed it (not even masked); the program office sees it (audited).
        var provider = await platform.ProviderAsync();
        var anonymised = Assert.Single(await provider.GetAsAsync<ObjectionAnswer[]>($"/api/projects/{id}/objections"));
        Assert.Null(anonymised.ContactPhone);
        Assert.Equal("异议人", anonymised.ContactName);
        var full = Assert.Single(await office.GetAsAsync<ObjectionAnswer[]>($"/api/projects/{id}/objections"));
        Assert.Equal(Phone, full.ContactPhone);
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters()
            .CountAsync(a => a.Action == AuditActions.PersonalDataViewed && a.EntityType == nameof(ProjectObjection) && a.EntityKey == id.ToString()));
        Assert.Equal(1, audited);

        var objectionId = full.Id;
        var resolved = await ResolveAsync(office, id, objectionId, etag, "dismiss", "经核实，师资与申报一致。");
        var (published, _) = await ProjectPlatform.StepOkAsync(office, id, "publish", resolved);
        Assert.Equal("Published", published.Project.Status);

        // Published projects leave the public notice list.
        var after = await browser.GetAsync("/notices");
        Assert.DoesNotContain("公示异议测试研修班（页面）", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upheld_objection_filed_through_the_api_sends_the_project_back_to_rejected()
    {
        var id = await platform.InNoticeAsync("公示异议测试研修班（接口）");
        using var anonymous = platform.Factory.CreateClient();
        var notices = await anonymous.GetAsAsync<NoticeAnswer[]>("/api/notices");
        Assert.Contains(notices, n => n.Id == id);

        using (var invalid = await anonymous.PostAsJsonAsync(new Uri($"/api/notices/{id}/objections", UriKind.Relative), new { reason = "无联系方式" }))
        {
            var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.Contains("contactPhone", problem.ToString(), StringComparison.Ordinal);
        }

        using var filed = await anonymous.PostAsJsonAsync(new Uri($"/api/notices/{id}/objections", UriKind.Relative),
            new { reason = "申报单位存在重复申报。", contactName = "吴刚", contactPhone = "0537-2345678" });
        var receipt = await filed.ReadJsonAsync(HttpStatusCode.Created, "objection");
        Assert.DoesNotContain("2345678", receipt.ToString(), StringComparison.Ordinal);

        var office = await platform.OfficeAsync();
        var objectionId = Assert.Single(await office.GetAsAsync<ObjectionAnswer[]>($"/api/projects/{id}/objections")).Id;
        var etag = await ProjectPlatform.ETagAsync(office, id);
        await ResolveAsync(office, id, objectionId, etag, "uphold", "经核实，存在重复申报。");
        var detail = await office.GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}");
        Assert.Equal("Rejected", detail.Project.Status);
        var last = detail.History[^1];
        Assert.Equal("uphold-objection", last.Action);

        // Objections are only taken from projects in notice.
        using var late = await anonymous.PostAsJsonAsync(new Uri($"/api/notices/{id}/objections", UriKind.Relative),
            new { reason = "补充异议。", contactName = "吴刚", contactPhone = "13700001111" });
        await late.AssertProblemAsync(HttpStatusCode.NotFound, ProjectProblemCodes.NotFound);
    }

    [Fact]
    public async Task Nobody_but_the_program_office_learns_who_objected_through_REST_OData_or_pages()
    {
        const string name = "欧阳明远";
        const string phone = "13788886666";
        string[] identity = [name, "欧*远", "欧**远", phone, "137****6666"];
        var id = await platform.InNoticeAsync("异议人隐私测试研修班");
        using var anonymous = platform.Factory.CreateClient();
        using (var filed = await anonymous.PostAsJsonAsync(new Uri($"/api/notices/{id}/objections", UriKind.Relative),
            new { reason = "授课专家与申报材料不一致。", contactName = name, contactPhone = phone }))
        {
            await filed.ReadJsonAsync(HttpStatusCode.Created, "objection");
        }

        // The applicant (the provider) and the recommending authority (the health department) see that there is an
        // objection, what it says and where it stands — the filer only as 异议人, with no contact at all.
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        foreach (var reader in new[] { provider, health })
        {
            var objection = Assert.Single(await reader.GetAsAsync<ObjectionAnswer[]>($"/api/projects/{id}/objections"));
            Assert.Equal(("异议人", (string?)null, "授课专家与申报材料不一致。", "待处理"),
                (objection.ContactName, objection.ContactPhone, objection.Reason, objection.StatusName));
        }

        // The program office sees who it was (its read is audited) and dismisses the objection; the applicant then reads
        // the resolution, still without the filer.
        var office = await platform.OfficeAsync();
        var full = Assert.Single(await office.GetAsAsync<ObjectionAnswer[]>($"/api/projects/{id}/objections"));
        Assert.Equal((name, phone), (full.ContactName, full.ContactPhone));
        await ResolveAsync(office, id, full.Id, await ProjectPlatform.ETagAsync(office, id), "dismiss", "经核实，授课专家与申报一致。");

        string[] applicantReads =
        [
            $"/api/projects/{id}/objections",
            $"/api/projects/{id}",
            "/api/projects?pageSize=100",
            $"/odata/Projects?$expand=*&$filter=Id eq {id}",
            $"/odata/Projects({id})",
            $"/odata/ProjectTransitions?$filter=ProjectId eq {id}",
            "/odata/$metadata",
        ];
        foreach (var url in applicantReads)
        {
            var body = await provider.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.All(identity, value => Assert.DoesNotContain(value, body, StringComparison.Ordinal));
            Assert.DoesNotContain("Contact", body, StringComparison.Ordinal);
        }

        var resolved = Assert.Single(await provider.GetAsAsync<ObjectionAnswer[]>($"/api/projects/{id}/objections"));
        Assert.Equal(("异议人", "异议不成立", "经核实，授课专家与申报一致。"),
            (resolved.ContactName, resolved.StatusName, resolved.Resolution));

        // The public page never names the filer either.
        var page = await anonymous.GetStringAsync(new Uri("/notices", UriKind.Relative));
        Assert.All(identity, value => Assert.DoesNotContain(value, page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Objections_are_taken_from_the_first_day_of_the_notice_period_to_its_last_on_the_api_and_the_page()
    {
        var id = await platform.InNoticeAsync("公示期限测试研修班");
        var companion = await platform.InNoticeAsync("公示期限测试研修班（同期）");
        using var anonymous = platform.Factory.CreateClient();
        using var browser = new WebBrowser(platform.Factory);
        var today = ProjectPlatform.Today;

        // Before the first day: refused with the stable code; the page lists it as 待公示 and offers no form for it.
        await platform.SetNoticePeriodAsync(id, today.AddDays(3), today.AddDays(9));
        using (var early = await FileAsync(anonymous, id))
        {
            var problem = await early.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.NotInNotice);
            Assert.Contains("尚未开始", problem.Detail, StringComparison.Ordinal);
        }

        var page = await browser.GetAsync("/notices");
        Assert.Equal(("待公示", false, true), (Phase(page.Html, id), OffersForm(page.Html, id), OffersForm(page.Html, companion)));
        Assert.DoesNotContain("现予公示", page.Html, StringComparison.Ordinal);

        // From the first day to the last (both included): taken, on the API and on the page.
        await platform.SetNoticePeriodAsync(id, today, today.AddDays(4));
        using (var first = await FileAsync(anonymous, id))
        {
            await first.ReadJsonAsync(HttpStatusCode.Created, "objection on the first day");
        }

        page = await browser.GetAsync("/notices");
        Assert.Equal(("公示中", true), (Phase(page.Html, id), OffersForm(page.Html, id)));
        await platform.SetNoticePeriodAsync(id, today.AddDays(-6), today);
        var onLastDay = await browser.PostAsync("/notices", Form(id));
        Assert.Equal(HttpStatusCode.OK, onLastDay.Status);
        Assert.Contains("异议已受理", onLastDay.Html, StringComparison.Ordinal);

        // After the last day: refused with the same code, on the API and on the page, which labels it 公示期满 without a form.
        await platform.SetNoticePeriodAsync(id, today.AddDays(-9), today.AddDays(-1));
        using (var late = await FileAsync(anonymous, id))
        {
            var problem = await late.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.NotInNotice);
            Assert.Contains("已结束", problem.Detail, StringComparison.Ordinal);
        }

        page = await browser.GetAsync("/notices");
        Assert.Equal(("公示期满", false, true), (Phase(page.Html, id), OffersForm(page.Html, id), OffersForm(page.Html, companion)));
        var refused = await browser.PostAsync("/notices", Form(id));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("公示期已结束", refused.Html, StringComparison.Ordinal);

        var notices = await anonymous.GetAsAsync<NoticeAnswer[]>("/api/notices");
        Assert.Equal(("Ended", "公示期满"), notices.Where(n => n.Id == id).Select(n => (n.Phase, n.PhaseName)).Single());
        var office = await platform.OfficeAsync();
        Assert.Equal(2, (await office.GetAsAsync<ObjectionAnswer[]>($"/api/projects/{id}/objections")).Length);

        static Task<HttpResponseMessage> FileAsync(HttpClient client, Guid project) =>
            client.PostAsJsonAsync(new Uri($"/api/notices/{project}/objections", UriKind.Relative), new { reason = "异议内容。", contactName = "钱进", contactPhone = "13600001111" });

        static Dictionary<string, string?> Form(Guid project) => new()
        {
            ["ProjectId"] = project.ToString(),
            ["Reason"] = "异议内容（页面）。",
            ["ContactName"] = "钱进",
            ["ContactPhone"] = "13600001111",
        };

        static string Phase(string html, Guid project) =>
            System.Text.RegularExpressions.Regex.Match(html, $"<tr id=\"notice-{project}\">.*?<td class=\"notice-phase\"[^>]*>(?<phase>[^<]*)</td>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups["phase"].Value;

        static bool OffersForm(string html, Guid project) => html.Contains($"<option value=\"{project}\"", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_objections_are_rate_limited_per_address()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?> { ["Platform:DemoMode"] = "false", ["Projects:ObjectionsPerMinute"] = "3" });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri($"/api/notices/{Guid.NewGuid()}/objections", UriKind.Relative),
                new { reason = "测试", contactName = "测试", contactPhone = "13700001111" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        using var page = await client.GetAsync(new Uri("/notices", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static async Task<string> ResolveAsync(HttpClient office, Guid id, Guid objectionId, string etag, string decision, string resolution)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/projects/{id}/objections/{objectionId}/resolve", UriKind.Relative))
        {
            Content = JsonContent.Create(new { decision, resolution }),
        };
        message.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await office.SendAsync(message);
        await response.ReadJsonAsync(HttpStatusCode.OK, "resolve");
        return response.Headers.ETag!.Tag;
    }
}
