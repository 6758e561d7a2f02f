using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Projects;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Office;

/// <summary>
/// The program office's project and base pages over HTTP: who may open them (the API's roles), a step not valid at the
/// project's state refused on the page with the use case's Chinese message, a missing reason next to its field, and the
/// base pages' scope and validation.
/// </summary>
public sealed class OfficePagesTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    [Fact]
    public async Task The_office_pages_refuse_other_roles()
    {
        var provider = await platform.ProviderAsync();
        var (id, _) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("项目办页面权限测试研修班", ProjectType.AdvancedSeminar, platform.HealthDepartmentId));
        var baseId = await AnyBaseAsync();
        foreach (var (role, code) in new[] { (PlatformRoles.CountyAdmin, "CB-370811"), (PlatformRoles.DepartmentAdmin, "LD-health"), (PlatformRoles.ProviderStaff, platform.ProviderCode), (PlatformRoles.Professional, platform.EmployerCode) })
        {
            var account = await platform.Accounts.CreateAsync($"t.op.{role}.{Guid.NewGuid():N}"[..28], [role], code);
            using var browser = await platform.Accounts.SignInAsync(account);
            foreach (var address in new[] { "/office/projects", $"/office/projects/{id}", "/registry/bases/new", $"/registry/bases/{baseId}/edit" })
            {
                await AssertRefusedAsync(browser, address, role);
            }
        }

        // A county bureau and a line department read the bases of their scope; a professional or a provider not at all.
        var county = await platform.Accounts.CreateAsync($"t.op.cb.{Guid.NewGuid():N}"[..28], [PlatformRoles.CountyAdmin], "CB-370811");
        using (var browser = await platform.Accounts.SignInAsync(county))
        {
            var list = await browser.GetAsync("/registry/bases");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.DoesNotContain("认定新基地", list.Html, StringComparison.Ordinal);
        }

        var professional = await platform.Accounts.CreateAsync($"t.op.pro.{Guid.NewGuid():N}"[..28], [PlatformRoles.Professional], platform.EmployerCode);
        using (var browser = await platform.Accounts.SignInAsync(professional))
        {
            await AssertRefusedAsync(browser, "/registry/bases", PlatformRoles.Professional);
        }
    }

    [Fact]
    public async Task A_step_not_valid_at_the_projects_state_is_refused_on_the_page_in_Chinese_and_changes_nothing()
    {
        var id = await RecommendedProjectAsync("状态校验测试研修班");
        using var office = await OfficeBrowserAsync();
        var page = await office.GetAsync($"/office/projects/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-action=\"start-review\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"return\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"publish\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"approve\"", page.Html, StringComparison.Ordinal);

        // Publishing a project that waits for review (a form of another step, sent as publish): the page says why, in
        // Chinese, and the project stays where it was.
        page = await office.GetAsync($"/office/projects/{id}?act=start-review");
        Assert.Contains("确认组织评审", page.Html, StringComparison.Ordinal);
        var refused = await office.PostAsync($"/office/projects/{id}?handler=step&act=publish", new Dictionary<string, string?> { ["Version"] = Version(page.Html) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<title>错误：", refused.Html, StringComparison.Ordinal);
        Assert.Contains("项目当前为“已推荐”，不能进行“发布”操作", refused.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("project.transition_not_allowed", refused.Html, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Recommended, await StatusAsync(id));

        // Returning without a reason: the reason is asked for next to its field.
        page = await office.GetAsync($"/office/projects/{id}?act=return");
        Assert.Contains("退回理由", page.Html, StringComparison.Ordinal);
        var noReason = await office.PostAsync($"/office/projects/{id}?handler=step&act=return", new Dictionary<string, string?> { ["Version"] = Version(page.Html), ["Comment"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Matches("<textarea[^>]*aria-invalid=\"true\"[^>]*id=\"Comment\"|<textarea[^>]*id=\"Comment\"[^>]*aria-invalid=\"true\"", noReason.Html);
        Assert.Contains("退回或不予通过时须填写理由", noReason.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("（comment）", noReason.Html, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Recommended, await StatusAsync(id));

        // The review is opened through the page, then approval is refused until an expert has scored.
        page = await office.GetAsync($"/office/projects/{id}?act=start-review");
        var started = await office.PostAsync($"/office/projects/{id}?handler=step&act=start-review", new Dictionary<string, string?> { ["Version"] = Version(page.Html), ["Comment"] = "材料齐全，组织评审。" });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal(ProjectStatus.UnderReview, await StatusAsync(id));
        page = await office.GetAsync($"/office/projects/{id}");
        Assert.Contains("录入专家评分", page.Html, StringComparison.Ordinal);
        Assert.Contains("请先录入至少一位专家的评分", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provincial_project_is_forwarded_upward_and_its_outcome_needs_the_reference_number_next_to_its_field()
    {
        var id = await RecommendedProjectAsync("省级项目向上推荐测试研修班", "Provincial");
        using var office = await OfficeBrowserAsync();
        await StepAsync(office, id, "start-review", new() { ["Comment"] = "组织评审。" });
        var api = await platform.OfficeAsync();
        var provider = await platform.ProviderAsync();
        var applicant = (await provider.GetJsonAsync($"/api/projects/{id}")).GetProperty("project").GetProperty("applicantOrganizationId").GetGuid();

        // An expert of the applicant's own organization is refused next to the field, with the reason (回避).
        var conflicted = await ProjectPlatform.PoolExpertAsync(api, applicant);
        var form = await office.GetAsync($"/office/projects/{id}?act=score");
        Assert.Contains($"value=\"{conflicted:D}\"", form.Html, StringComparison.Ordinal);
        var conflictRefused = await office.PostAsync($"/office/projects/{id}?handler=step&act=score", new Dictionary<string, string?> { ["Version"] = Version(form.Html), ["ExpertId"] = conflicted.ToString("D"), ["Score"] = "80" });
        Assert.Equal(HttpStatusCode.BadRequest, conflictRefused.Status);
        Assert.Matches("id=\"ExpertId\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"ExpertId\"", conflictRefused.Html);
        Assert.Contains("须回避（本单位）", conflictRefused.Html, StringComparison.Ordinal);
        Assert.Equal(0, await platform.QueryAsync(db => db.ProjectReviews.IgnoreQueryFilters().CountAsync(r => r.ProjectId == id)));

        var expert = await ProjectPlatform.PoolExpertAsync(api, null, "李明哲");
        await StepAsync(office, id, "score", new() { ["ExpertId"] = expert.ToString("D"), ["Score"] = "91", ["Comment"] = "建议报省评审。" });
        var stored = await platform.QueryAsync(db => db.ProjectReviews.IgnoreQueryFilters().Where(r => r.ProjectId == id).Select(r => new { r.ExpertId, r.ExpertName }).SingleAsync());
        Assert.Equal(expert, stored.ExpertId);
        Assert.Equal("李明哲", stored.ExpertName);

        // A provincial project is never approved by the office: only forwarded upward.
        var page = await office.GetAsync($"/office/projects/{id}");
        Assert.Contains("data-action=\"recommend-upward\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"approve\"", page.Html, StringComparison.Ordinal);
        await StepAsync(office, id, "recommend-upward", new() { ["Comment"] = "报省人社厅评审。" });
        Assert.Equal(ProjectStatus.ForwardedUpstream, await StatusAsync(id));

        // Recording the province's approval without its reference number: asked for next to the field, in Chinese.
        page = await office.GetAsync($"/office/projects/{id}?act=record-upstream-approval");
        Assert.Contains("上级批复文号", page.Html, StringComparison.Ordinal);
        var refused = await office.PostAsync($"/office/projects/{id}?handler=step&act=record-upstream-approval", new Dictionary<string, string?> { ["Version"] = Version(page.Html), ["ReferenceNumber"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Matches("id=\"ReferenceNumber\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"ReferenceNumber\"", refused.Html);
        Assert.Contains("须填写批复文号", refused.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("referenceNumber", refused.Html, StringComparison.Ordinal);

        await StepAsync(office, id, "record-upstream-approval", new() { ["ReferenceNumber"] = "鲁人社字〔2026〕88号" });
        Assert.Equal(ProjectStatus.Approved, await StatusAsync(id));
        var detail = await (await platform.OfficeAsync()).GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}");
        Assert.Equal("鲁人社字〔2026〕88号", detail.Project.UpstreamReference);
    }

    [Fact]
    public async Task The_queue_counts_each_step_as_the_API_does()
    {
        await RecommendedProjectAsync("审批队列计数测试研修班");
        var api = await platform.OfficeAsync();
        var counts = await api.GetAsAsync<IReadOnlyList<StatusCountAnswer>>("/api/projects/counts");
        var recommended = await api.GetAsAsync<PageAnswer<ProjectAnswer>>("/api/projects?status=Recommended&pageSize=1");
        Assert.Equal(recommended.Total, counts.Single(c => c.Status == "Recommended").Count);

        using var office = await OfficeBrowserAsync();
        var page = await office.GetAsync("/office/projects?Step=Recommended");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Matches($"data-step=\"Recommended\">\\s*<a[^>]*>\\s*<span class=\"stat-value\" data-count>{recommended.Total}</span>", page.Html);
    }

    [Fact]
    public async Task Designating_a_base_without_its_fields_names_each_field_in_Chinese()
    {
        using var office = await OfficeBrowserAsync();
        var form = await office.GetAsync("/registry/bases/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var refused = await office.PostAsync("/registry/bases/new", new Dictionary<string, string?> { ["Input.Name"] = "", ["Input.Level"] = "", ["Input.DesignatedOn"] = "", ["Input.Status"] = "有效" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("请填写基地名称", refused.Html, StringComparison.Ordinal);
        Assert.Contains("请选择依托机构", refused.Html, StringComparison.Ordinal);
        Assert.Contains("请填写认定日期", refused.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("organizationId", refused.Html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_Name\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Input_Name\"", refused.Html);
    }

    private async Task<Guid> RecommendedProjectAsync(string title, string level = "Municipal")
    {
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application($"{title}（{Guid.NewGuid().ToString("N")[..6]}）", ProjectType.AdvancedSeminar, platform.HealthDepartmentId, Enum.Parse<ProjectLevel>(level)));
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag);
        await ProjectPlatform.StepOkAsync(health, id, "recommend", etag, new { comment = "同意推荐" });
        return id;
    }

    // Opens the step's form and sends it; the page redirects with its banner.
    private static async Task StepAsync(WebBrowser office, Guid id, string action, Dictionary<string, string?> fields)
    {
        var form = await office.GetAsync($"/office/projects/{id}?act={action}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        fields["Version"] = Version(form.Html);
        var done = await office.PostAsync($"/office/projects/{id}?handler=step&act={action}", fields);
        Assert.True(done.Status == HttpStatusCode.Redirect, $"{action}: {(int)done.Status} {FormProblemsOf(done.Html)}");
    }

    private static string FormProblemsOf(string html)
    {
        var start = html.IndexOf("error-summary", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..Math.Min(html.Length, start + 600)];
    }

    private async Task<WebBrowser> OfficeBrowserAsync()
    {
        var account = await platform.Accounts.CreateAsync($"t.op.po.{Guid.NewGuid():N}"[..28], [PlatformRoles.ProgramOfficeAdmin], "PO", displayName: "吴审批");
        return await platform.Accounts.SignInAsync(account);
    }

    private Task<ProjectStatus> StatusAsync(Guid id) =>
        platform.QueryAsync(db => db.Projects.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    private Task<Guid> AnyBaseAsync() =>
        platform.QueryAsync(db => db.EducationBases.IgnoreQueryFilters().Select(b => b.Id).FirstAsync());

    private static string Version(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\"[^>]*value=\"(?<v>[^\"]+)\"|value=\"(?<v>[^\"]+)\"[^>]*name=\"Version\"");
        Assert.True(match.Success, "the page has no version field");
        return WebUtility.HtmlDecode(match.Groups["v"].Value);
    }

    private static async Task AssertRefusedAsync(WebBrowser browser, string address, string role)
    {
        var refused = await browser.GetAsync(address);
        Assert.True(
            refused.Status == HttpStatusCode.Forbidden || refused.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true,
            $"{role} on {address}: {(int)refused.Status} {refused.Location}");
    }
}

/// <summary>The projects in one state (<c>/api/projects/counts</c>).</summary>
/// <param name="Status">The state (member name).</param>
/// <param name="Count">How many.</param>
public sealed record StatusCountAnswer(string Status, int Count) : JsonAnswer;
