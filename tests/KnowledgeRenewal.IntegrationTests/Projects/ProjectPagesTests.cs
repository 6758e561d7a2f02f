using System.Net;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Projects;

/// <summary>
/// The project pages over HTTP: the history names people by their names (not their account names), and the
/// application pages refuse the roles that may not apply and the organizations the project is not theirs.
/// </summary>
public sealed class ProjectPagesTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    [Fact]
    public async Task History_shows_the_people_by_their_names_not_their_account_names()
    {
        var applicant = await platform.Accounts.CreateAsync($"t.pp.apply.{Guid.NewGuid():N}"[..28], [PlatformRoles.ProviderStaff], platform.ProviderCode, displayName: "孙立申");
        var recommender = await platform.Accounts.CreateAsync($"t.pp.recom.{Guid.NewGuid():N}"[..28], [PlatformRoles.DepartmentAdmin], "LD-health", displayName: "周荐明");
        var provider = await platform.Accounts.SignedInClientAsync(applicant);
        var health = await platform.Accounts.SignedInClientAsync(recommender);
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("办理人姓名显示测试研修班", ProjectType.AdvancedSeminar, platform.HealthDepartmentId));
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag, new { comment = "请审核" });

        // The department's review page, while the project waits for its recommendation.
        using var reviewer = await platform.Accounts.SignInAsync(recommender);
        var review = await reviewer.GetAsync($"/reviews/projects/{id}");
        Assert.Equal(HttpStatusCode.OK, review.Status);
        var reviewHistory = History(review.Html);
        Assert.Contains("孙立申", reviewHistory, StringComparison.Ordinal);
        Assert.DoesNotContain(applicant.UserName, reviewHistory, StringComparison.Ordinal);
        Assert.DoesNotContain(applicant.UserName, review.Html, StringComparison.Ordinal);

        await ProjectPlatform.StepOkAsync(health, id, "recommend", etag, new { comment = "同意推荐" });

        // The applicant's project page: both steps, each by the person's name.
        using var browser = await platform.Accounts.SignInAsync(applicant);
        var show = await browser.GetAsync($"/projects/{id}");
        Assert.Equal(HttpStatusCode.OK, show.Status);
        var history = History(show.Html);
        Assert.Contains("孙立申", history, StringComparison.Ordinal);
        Assert.Contains("周荐明", history, StringComparison.Ordinal);
        Assert.DoesNotContain(applicant.UserName, history, StringComparison.Ordinal);
        Assert.DoesNotContain(recommender.UserName, show.Html, StringComparison.Ordinal);

        // The API keeps the account that acted, and gives the name beside it.
        var detail = await provider.GetAsAsync<ProjectDetailAnswer>($"/api/projects/{id}");
        var submitted = detail.Json.GetProperty("history").EnumerateArray().First(h => h.GetProperty("action").GetString() == "submit");
        Assert.Equal(applicant.UserName, submitted.GetProperty("actorName").GetString());
        Assert.Equal("孙立申", submitted.GetProperty("actorDisplayName").GetString());
    }

    [Fact]
    public async Task Application_pages_refuse_a_professional_and_other_organizations_find_nothing()
    {
        var provider = await platform.ProviderAsync();
        var (id, _) = await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("页面权限测试研修班", ProjectType.AdvancedSeminar, platform.HealthDepartmentId));

        var professional = await platform.Accounts.CreateAsync($"t.pp.pro.{Guid.NewGuid():N}"[..28], [PlatformRoles.Professional], platform.EmployerCode);
        using (var browser = await platform.Accounts.SignInAsync(professional))
        {
            foreach (var address in new[] { "/projects", "/projects/new", $"/projects/{id}", $"/projects/{id}/edit" })
            {
                await AssertRefusedAsync(browser, address, PlatformRoles.Professional);
            }
        }

        // An employer may apply (as POST /api/projects allows), but never sees or edits another organization's draft.
        var hr = await platform.Accounts.CreateAsync($"t.pp.hr.{Guid.NewGuid():N}"[..28], [PlatformRoles.EmployerHr], platform.EmployerCode);
        using (var browser = await platform.Accounts.SignInAsync(hr))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/projects/{id}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/projects/{id}/edit")).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await (await platform.EmployerAsync()).GetAsync(new Uri($"/api/projects/{id}", UriKind.Relative))).StatusCode);

        // Another provider's staff: the same 404 as the API.
        var otherCode = await platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters()
            .Where(o => o.Type == OrganizationType.TrainingProvider && o.Code != platform.ProviderCode).Select(o => o.Code).FirstAsync());
        var other = await platform.Accounts.CreateAsync($"t.pp.other.{Guid.NewGuid():N}"[..28], [PlatformRoles.ProviderStaff], otherCode);
        using (var browser = await platform.Accounts.SignInAsync(other))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/projects/{id}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/projects/{id}/edit")).Status);
            Assert.DoesNotContain(id.ToString(), (await browser.GetAsync("/projects")).Html, StringComparison.Ordinal);
        }

        var otherApi = await platform.Accounts.SignedInClientAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync(new Uri($"/api/projects/{id}", UriKind.Relative))).StatusCode);
    }

    // The history table (the header names the signed-in account itself, by design).
    private static string History(string html)
    {
        var start = html.IndexOf("aria-label=\"办理记录\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no history table");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static async Task AssertRefusedAsync(WebBrowser browser, string address, string role)
    {
        var refused = await browser.GetAsync(address);
        Assert.True(
            refused.Status == HttpStatusCode.Forbidden || refused.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true,
            $"{role} on {address}: {(int)refused.Status} {refused.Location}");
    }
}
