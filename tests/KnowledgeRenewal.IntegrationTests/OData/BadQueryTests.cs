using System.Net;
using System.Text;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>
/// The outside probe's OData requests that made the server fail or quote its internals: numbers beyond a property's
/// range in <c>$filter</c>, unreadable <c>$batch</c> bodies and sub-requests outside the service, and errors that
/// named .NET types or LINQ. Each is a 400 problem with a stable code and Chinese text.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class BadQueryTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/odata/CreditRecords?$filter=Hours gt 1e29", ProblemCodes.ODataValueOutOfRange)]
    [InlineData("/odata/CreditRecords?$filter=Hours gt 1e400", ProblemCodes.ODataValueOutOfRange)]
    [InlineData("/odata/CreditRecords?$filter=Hours gt -1e400", ProblemCodes.ODataValueOutOfRange)]
    [InlineData("/odata/CreditRecords?$filter=Hours gt 99999999999999999999999999999999", ProblemCodes.ODataValueOutOfRange)]
    [InlineData("/odata/Compliance?$filter=CountedHours gt INF", ProblemCodes.ODataValueOutOfRange)]
    [InlineData("/odata/Compliance?$filter=CountedHours gt NaN", ProblemCodes.ODataValueOutOfRange)]
    [InlineData("/odata/Compliance?$filter=CountedHours lt -INF", ProblemCodes.ODataValueOutOfRange)]
    [InlineData("/odata/CreditRecords?$filter=Hours gt 79228162514264337593543950336M", ProblemCodes.ODataInvalidQuery)] // not a decimal literal at all
    public async Task A_number_beyond_the_property_s_range_is_a_400_not_a_500(string url, string code)
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        using var response = await office.GetAsync(new Uri(url, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Detail);
    }

    [Theory]
    [InlineData("{}", "application/json")]
    [InlineData("{\"requests\":[]}", "application/json")]
    [InlineData("hello", "application/json")]
    [InlineData("hello", "text/plain")]
    [InlineData("--b\r\n\r\n--b--", "multipart/mixed; boundary=b")]
    [InlineData("{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/api/me\"}]}", "application/json")]
    [InlineData("{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"http://evil.example/odata/Regions\"}]}", "application/json")]
    [InlineData("{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/health/live\"}]}", "application/json")]
    public async Task An_unreadable_batch_is_a_400_problem(string body, string contentType)
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await office.PostAsync(new Uri("/odata/$batch", UriKind.Relative), content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataBatchInvalid);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Detail);
        Assert.DoesNotContain("Microsoft.", problem.Json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readable_batch_still_runs_and_a_bad_sub_request_gets_its_own_400()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        const string Body = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"Regions?$top=1\"},{\"id\":\"2\",\"method\":\"GET\",\"url\":\"CreditRecords?$filter=Hours gt 1e29\"}]}";
        using var content = new StringContent(Body, Encoding.UTF8, "application/json");

        using var response = await office.PostAsync(new Uri("/odata/$batch", UriKind.Relative), content);

        var batch = await response.ReadJsonAsync(HttpStatusCode.OK, "batch");
        var answers = batch.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(200, answers["1"].GetProperty("status").GetInt32());
        Assert.Equal(400, answers["2"].GetProperty("status").GetInt32());
        Assert.Equal(ProblemCodes.ODataValueOutOfRange, answers["2"].GetProperty("body").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/odata/Professionals?$filter=Foo eq 1", "Foo")]
    [InlineData("/odata/Professionals?$orderby=Foo", "Foo")]
    [InlineData("/odata/CreditRecords?$select=Foo", "Foo")]
    [InlineData("/odata/CreditRecords?$filter=Title eq 1", null)]
    [InlineData("/odata/CreditRecords?$filter=bogus(Title)", "bogus")]
    public async Task OData_errors_name_what_the_client_wrote_in_Chinese_and_no_dotnet_type(string url, string? named)
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        using var response = await office.GetAsync(new Uri(url, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataInvalidQuery);
        var detail = problem.Detail;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
        if (named is not null)
        {
            Assert.Contains($"“{named}”", detail, StringComparison.Ordinal);
        }

        var text = problem.Json.GetRawText();
        Assert.All(new[] { "KnowledgeRenewal", "System.", "Microsoft.", "Edm.", "on type" }, leak => Assert.DoesNotContain(leak, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/odata/CreditRecords?$filter=round(Hours) eq 1")]
    [InlineData("/odata/Modules?$expand=Subjects($expand=Department)&$top=1")]
    public async Task A_query_the_database_cannot_translate_is_a_400_without_the_LINQ_expression(string url)
    {
        if (TestDatabase.UsesPostgres)
        {
            return; // PostgreSQL translates these (QueryLimitsTests checks it serves paging inside $expand).
        }

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var response = await office.GetAsync(new Uri(url, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataUnsupportedQuery);
        var text = problem.Json.GetRawText();
        Assert.All(new[] { "LINQ", "DbSet", "=>", "KnowledgeRenewal.", "could not be translated" }, leak => Assert.DoesNotContain(leak, text, StringComparison.Ordinal));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Detail);
    }
}
