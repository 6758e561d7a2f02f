using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Projects;

/// <summary>The projects list pages like every list of the platform: exactly <c>page,pageSize,total,items</c>; 1–100 rows a page.</summary>
public sealed class ProjectListTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    [Fact]
    public async Task The_projects_list_answers_the_platforms_page()
    {
        var provider = await platform.ProviderAsync();
        await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("分页测试研修班一", ProjectType.AdvancedSeminar, platform.HealthDepartmentId));
        await ProjectPlatform.CreateAsync(provider, ProjectPlatform.Application("分页测试研修班二", ProjectType.AdvancedSeminar, platform.HealthDepartmentId));

        var page = await provider.GetFromJsonAsync<ProjectPage>(new Uri("/api/projects?pageSize=1&type=AdvancedSeminar", UriKind.Relative));
        var raw = await provider.GetFromJsonAsync<JsonElement>(new Uri("/api/projects?pageSize=1&type=AdvancedSeminar", UriKind.Relative));
        using var tooLarge = await provider.GetAsync(new Uri("/api/projects?pageSize=101", UriKind.Relative));

        Assert.NotNull(page);
        Assert.Equal((1, 1), (page.Page, page.PageSize));
        Assert.True(page.Total >= 2, $"total {page.Total}");
        Assert.Equal(["page", "pageSize", "total", "items"], raw.EnumerateObject().Select(p => p.Name));
        Assert.Single(page.Items);
        await tooLarge.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
    }

    private sealed record ProjectPage(int Page, int PageSize, int Total, JsonElement[] Items);
}
