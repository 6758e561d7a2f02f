using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Programs.Domain;
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

        // The applicant sees the objection with its contact masked; the program office sees it (audited).
        var provider = await platform.ProviderAsync();
        var masked = (await provider.GetJsonAsync($"/api/projects/{id}/objections")).EnumerateArray().Single();
        Assert.Equal("139****5678", masked.GetProperty("contactPhone").GetString());
        Assert.Equal("周*", masked.GetProperty("contactName").GetString());
        var full = (await office.GetJsonAsync($"/api/projects/{id}/objections")).EnumerateArray().Single();
        Assert.Equal(Phone, full.GetProperty("contactPhone").GetString());
        var audited = await platform.InDatabaseAsync(db => db.AuditRecords.IgnoreQueryFilters()
            .CountAsync(a => a.Action == AuditActions.PersonalDataViewed && a.EntityType == nameof(ProjectObjection) && a.EntityKey == id.ToString()));
        Assert.Equal(1, audited);

        var objectionId = full.GetProperty("id").GetGuid();
        var resolved = await ResolveAsync(office, id, objectionId, etag, "dismiss", "经核实，师资与申报一致。");
        var (published, _) = await ProjectPlatform.StepOkAsync(office, id, "publish", resolved);
        Assert.Equal("Published", published.GetProperty("project").GetProperty("status").GetString());

        // Published projects leave the public notice list.
        var after = await browser.GetAsync("/notices");
        Assert.DoesNotContain("公示异议测试研修班（页面）", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upheld_objection_filed_through_the_api_sends_the_project_back_to_rejected()
    {
        var id = await platform.InNoticeAsync("公示异议测试研修班（接口）");
        using var anonymous = platform.Factory.CreateClient();
        var notices = await anonymous.GetJsonAsync("/api/notices");
        Assert.Contains(notices.EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);

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
        var objectionId = (await office.GetJsonAsync($"/api/projects/{id}/objections")).EnumerateArray().Single().GetProperty("id").GetGuid();
        var etag = await ProjectPlatform.ETagAsync(office, id);
        await ResolveAsync(office, id, objectionId, etag, "uphold", "经核实，存在重复申报。");
        var detail = await office.GetJsonAsync($"/api/projects/{id}");
        Assert.Equal("Rejected", detail.GetProperty("project").GetProperty("status").GetString());
        var last = detail.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("uphold-objection", last.GetProperty("action").GetString());

        // Objections are only taken from projects in notice.
        using var late = await anonymous.PostAsJsonAsync(new Uri($"/api/notices/{id}/objections", UriKind.Relative),
            new { reason = "补充异议。", contactName = "吴刚", contactPhone = "13700001111" });
        await late.AssertProblemAsync(HttpStatusCode.NotFound, ProjectProblemCodes.NotFound);
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
