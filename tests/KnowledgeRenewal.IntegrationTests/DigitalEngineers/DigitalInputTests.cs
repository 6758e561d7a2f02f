using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using static KnowledgeRenewal.IntegrationTests.DigitalEngineers.DigitalRequests;

namespace KnowledgeRenewal.IntegrationTests.DigitalEngineers;

/// <summary>
/// What the pipeline's requests are checked against before anything is read or written: every field named at once
/// with its stable code, in the order of the body (the checks are FluentValidation validators); the lists page like
/// every list of the platform — exactly <c>page,pageSize,total,items</c>, a page from 1 and at most 100 rows
/// (400 beyond, no longer cut silently).
/// </summary>
[Collection(DigitalEngineerPlatform.Name)]
public sealed class DigitalInputTests(DigitalEngineerPlatformFixture platform)
{
    private const string Api = "/api/digital-engineers";

    public static TheoryData<string> Lists() => ["trainings", "evaluations", "certificates", "subsidy-claims"];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_list_answers_the_platforms_page_and_refuses_pages_out_of_range(string list)
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);

        var page = await office.GetFromJsonAsync<ListPage>(new Uri($"{Api}/{list}?page=1&pageSize=2", UriKind.Relative));
        var raw = await office.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"{Api}/{list}?page=1&pageSize=2", UriKind.Relative));
        using var tooLarge = await office.GetAsync(new Uri($"{Api}/{list}?pageSize=101", UriKind.Relative));
        using var none = await office.GetAsync(new Uri($"{Api}/{list}?page=0", UriKind.Relative));

        Assert.NotNull(page);
        Assert.Equal((1, 2), (page.Page, page.PageSize));
        Assert.True(page.Items.Length <= 2 && page.Items.Length <= page.Total, $"{list}: {page}");
        Assert.Equal(["page", "pageSize", "total", "items"], raw.EnumerateObject().Select(p => p.Name));
        Assert.Equal([new Error("pageSize", "out_of_range")], Errors(await tooLarge.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)));
        Assert.Equal([new Error("page", "out_of_range")], Errors(await none.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)));
    }

    [Fact]
    public async Task A_filter_names_every_bad_value_at_once()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);

        using var response = await office.GetAsync(new Uri($"{Api}/certificates?field=量子计算&level=特级&kind=Gold&year=1999", UriKind.Relative));
        using var claims = await office.GetAsync(new Uri($"{Api}/subsidy-claims?status=3", UriKind.Relative));
        using var catalog = await office.GetAsync(new Uri($"{Api}/institutions?kind=学校&field=x&level=y", UriKind.Relative));

        Assert.Equal(
            [new Error("field", "invalid_value"), new Error("level", "invalid_value"), new Error("kind", "invalid_value"), new Error("year", "out_of_range")],
            Errors(await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)));
        Assert.Equal([new Error("status", "invalid_value")], Errors(await claims.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)));
        Assert.Equal(
            [new Error("kind", "invalid_value"), new Error("field", "invalid_value"), new Error("level", "invalid_value")],
            Errors(await catalog.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)));
    }

    [Fact]
    public async Task An_empty_training_or_evaluation_names_every_required_field()
    {
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);

        using var empty = await PostAsync(provider, $"{Api}/trainings", new { });
        using var nothing = await PostAsync(provider, $"{Api}/trainings", null);
        using var evaluation = await PostAsync(provider, $"{Api}/evaluations", new { evaluatedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), score = 101 });

        Error[] required =
        [
            new("professionalId", "required"), new("institutionId", "required"), new("field", "required"), new("level", "required"),
            new("startDate", "required"), new("endDate", "required"), new("hours", "out_of_range"), new("passed", "required"),
        ];
        Assert.Equal(required, Errors(await empty.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)));
        Assert.Equal(required, Errors(await nothing.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)));
        var problem = await evaluation.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal(
            [new Error("trainingId", "required"), new Error("institutionId", "required"), new Error("evaluatedOn", "in_future"), new Error("score", "out_of_range")],
            Errors(problem));
        Assert.StartsWith("评价日期（evaluatedOn）不能晚于今天", problem.FieldErrors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_names_its_bad_fields_and_levels_by_row()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);

        using var response = await PostAsync(office, $"{Api}/institutions", new
        {
            validFrom = "2026-12-31",
            validTo = "2026-01-01",
            scopes = new object?[] { new { field = "区块链", level = "高级" }, new { field = "炼金术", level = "" }, null },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal(
            [
                new Error("organizationId", "required"), new Error("kind", "required"), new Error("validTo", "before_start"),
                new Error("scopes[1].field", "invalid_value"), new Error("scopes[1].level", "required"), new Error("scopes[2].field", "required"), new Error("scopes[2].level", "required"),
            ],
            Errors(problem));
        Assert.Equal("请选择专业技术等级（scopes[1].level）。", problem.FieldErrors[4].Message);
    }

    private static Error[] Errors(ProblemAnswer problem) => [.. problem.FieldErrors.Select(e => new Error(e.Field, e.Code))];

    private sealed record Error(string Field, string Code);

    private sealed record ListPage(int Page, int PageSize, int Total, System.Text.Json.JsonElement[] Items);
}
