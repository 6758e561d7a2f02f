using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// The employer's project applications in the browser session (the issue: "the employer's project applications"): HR
/// drafts an advanced seminar for its own employer on <c>/projects/new</c>, finds it on <c>/projects</c>, and another
/// employer's HR neither lists nor opens it.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class EmployerProjectPagesTests(RegistryPlatformFixture platform)
{
    [Fact]
    public async Task Employer_HR_drafts_its_own_application_and_another_employer_cannot_see_it()
    {
        var hrAccount = await platform.Accounts.CreateAsync($"t.proj.hr.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.A1.Code);
        var otherAccount = await platform.Accounts.CreateAsync($"t.proj.hr2.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.A2.Code);
        using var hr = await platform.Accounts.SignInAsync(hrAccount);
        using var other = await platform.Accounts.SignInAsync(otherAccount);
        var title = "单位申报·高级研修 " + Guid.NewGuid().ToString("N")[..6];
        var year = Math.Min(DateTime.UtcNow.Year + 1, ProgramPeriod.LastYear);

        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/projects/new")).Status);
        var saved = await hr.SubmitAsync("/projects/new", new Dictionary<string, string?>
        {
            ["Input.Type"] = "AdvancedSeminar", ["Input.Title"] = title, ["Input.Level"] = "Municipal", ["Input.Field"] = "General",
            ["Input.RecommenderOrganizationId"] = "county", ["Input.StartDate"] = $"{year}-06-01", ["Input.EndDate"] = $"{year}-06-05",
            ["Input.Capacity"] = "40", ["Input.Mode"] = "Offline", ["Input.Description"] = "本单位骨干人员高级研修",
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"draft: {(int)saved.Status} {WebBrowser.WithoutAntiforgeryTokens(saved.Html)[..Math.Min(600, saved.Html.Length)]}");
        var projectPath = saved.LocationPath!;
        var projectId = Guid.Parse(projectPath.Split('/')[^1]);

        var list = await hr.GetAsync("/projects");
        Assert.Contains(title, list.Html, StringComparison.Ordinal);
        var page = await hr.GetAsync(projectPath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(title, page.Html, StringComparison.Ordinal);

        // In the data: a draft whose applicant is the HR officer's employer.
        using var api = await platform.Accounts.SignedInClientAsync(hrAccount);
        using var project = await api.GetFromJsonAsync<JsonDocument>($"/api/projects/{projectId}");
        var view = project!.RootElement.GetProperty("project");
        Assert.Equal(("Draft", title), (view.GetProperty("status").GetString(), view.GetProperty("title").GetString()));
        Assert.Equal(platform.A1.Name, view.GetProperty("applicantName").GetString());

        Assert.DoesNotContain(title, (await other.GetAsync("/projects")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(projectPath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(projectPath + "/edit")).Status);
    }
}
