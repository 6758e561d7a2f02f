using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>
/// Every kind of OData error is the platform's RFC 9457 problem (ADR 0028): <c>application/problem+json</c>, a stable
/// <c>code</c>, a Chinese <c>title</c> and <c>detail</c> a person understands, and the technical English text in
/// <c>technicalDetail</c> — without .NET type names.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class ODataErrorShapeTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/odata/Professionals?$filter=Foo eq 1", 400, ProblemCodes.ODataInvalidQuery)]
    [InlineData("/odata/Professionals?$orderby=Foo desc", 400, ProblemCodes.ODataInvalidQuery)]
    [InlineData("/odata/CreditRecords?$filter=Hours eq 'x'", 400, ProblemCodes.ODataInvalidQuery)]
    [InlineData("/odata/CreditRecords?$top=100000", 400, ProblemCodes.ODataMaxTopExceeded)]
    [InlineData("/odata/CreditRecords?$filter=Hours gt 1e29", 400, ProblemCodes.ODataValueOutOfRange)]
    [InlineData("/odata/Compliance?$search=张", 400, ProblemCodes.ODataSearchUnsupported)]
    [InlineData("/odata/Professionals?$search=张 OR 李", 400, ProblemCodes.ODataSearchInvalid)]
    [InlineData("/odata/NoSuchSet", 404, ProblemCodes.RouteNotFound)]
    public async Task Each_kind_of_OData_error_is_a_problem_with_Chinese_text_and_a_technical_detail(string url, int status, string code)
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        using var response = await office.GetAsync(new Uri(url, UriKind.Relative));

        var problem = await response.AssertProblemAsync((HttpStatusCode)status, code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Detail);
        var technical = problem.Json.GetProperty("technicalDetail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(technical));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", technical);
        var text = problem.Json.GetRawText();
        Assert.All(new[] { "KnowledgeRenewal.", "System.", "Microsoft.", "on type" }, leak => Assert.DoesNotContain(leak, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/odata/Professionals(abc)")]
    [InlineData("/odata/Professionals(00000000-0000-0000-0000-000000000001)")]
    public async Task A_bad_or_unknown_key_is_a_problem_too(string url)
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        using var response = await office.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        var problem = await response.AssertProblemAsync(response.StatusCode, response.StatusCode == HttpStatusCode.NotFound ? ProblemCodes.RouteNotFound : ProblemCodes.ODataInvalidQuery);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Detail);
        Assert.False(string.IsNullOrWhiteSpace(problem.Json.GetProperty("technicalDetail").GetString()));
    }
}
