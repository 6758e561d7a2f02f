using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Web;

[Collection(SharedPlatform.Name)]
public sealed class ProblemDetailsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Unknown_address_is_a_404_problem_with_a_stable_code()
    {
        using var response = await (await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin)).GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.RouteNotFound);
        Assert.True(problem.Json.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task Anonymous_callers_get_a_401_problem_for_anything_not_public()
    {
        using var response = await platform.Client.GetAsync(new Uri("/api/health/cme-projects", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Invalid_parameter_is_a_400_naming_the_field_in_Chinese()
    {
        using var response = await platform.Client.GetAsync(new Uri("/api/rules/Not_A_Key", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal("scope", error.Field);
        Assert.Equal("invalid_format", error.Code);
        Assert.Contains("规则范围", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_rule_scope_is_a_404_resource_problem()
    {
        using var response = await platform.Client.GetAsync(new Uri("/api/rules/forestry", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        Assert.Contains("forestry", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var content = new StringContent("{ \"title\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await (await platform.ClientAsync(PlatformRoles.DepartmentAdmin)).PostAsync(new Uri("/api/health/cme-projects", UriKind.Relative), content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.MalformedRequest);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        using var content = new StringContent("projectNumber=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await (await platform.ClientAsync(PlatformRoles.DepartmentAdmin)).PostAsync(new Uri("/api/health/cme-projects", UriKind.Relative), content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        using var response = await (await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin)).DeleteAsync(new Uri("/api/modules", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, ProblemCodes.MethodNotAllowed);
    }

    [Fact]
    public async Task Wrong_json_type_is_a_400_problem()
    {
        using var response = await (await platform.ClientAsync(PlatformRoles.DepartmentAdmin)).PostAsJsonAsync(new Uri("/api/health/cme-projects", UriKind.Relative), new { capacity = "many" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.MalformedRequest);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal("capacity", error.Field);
        Assert.Contains("capacity", error.Message, StringComparison.Ordinal);
    }
}
