using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Web;

[Collection(SharedPlatform.Name)]
public sealed class OperationsTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/health/live", "Healthy")]
    [InlineData("/health/ready", "{\"status\":\"Healthy\",")]
    public async Task Health_endpoints_answer_healthy(string path, string start)
    {
        var body = await platform.Client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.StartsWith(start, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_platform_and_module_endpoints_but_not_odata()
    {
        var document = await platform.Client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("/api/modules", paths);
        Assert.Contains("/api/admin/modules", paths);
        Assert.Contains("/api/rules/{scope}", paths);
        Assert.Contains("/api/health/cme-projects", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/odata", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_docs_ui_is_served_locally()
    {
        var html = await platform.Client.GetStringAsync(new Uri("/api-docs/index.html", UriKind.Relative));
        using var script = await platform.Client.GetAsync(new Uri("/api-docs/swagger-ui-bundle.js", UriKind.Relative));

        Assert.Contains("接口文档", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
