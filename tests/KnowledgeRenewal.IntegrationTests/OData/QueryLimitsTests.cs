using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>The platform's OData limits (appsettings.json "OData") answer over-limit queries with a 400 naming the limit.</summary>
[Collection(SharedPlatform.Name)]
public sealed class QueryLimitsTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/odata/Subjects?$top=1001", ProblemCodes.ODataMaxTopExceeded, "MaxTop")]
    [InlineData("/odata/Subjects?$skip=1000001", ProblemCodes.ODataMaxSkipExceeded, "MaxSkip")]
    [InlineData("/odata/Modules?$expand=Subjects($expand=Module($expand=Department))", ProblemCodes.ODataMaxExpansionDepthExceeded, "MaxExpansionDepth")]
    [InlineData("/odata/Subjects?$orderby=Code,Name,Id,Category,Status,Discipline", ProblemCodes.ODataMaxOrderByExceeded, "MaxOrderByNodeCount")]
    public async Task Over_limit_query_gets_400_that_names_the_limit(string url, string code, string limit)
    {
        using var response = await platform.Client.GetAsync(new Uri(url, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Equal(limit, problem.Limit);
    }

    [Fact]
    public async Task Filter_with_too_many_nodes_gets_400_naming_the_node_count_limit()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 60).Select(i => $"Code eq 'X{i}'"));

        using var response = await platform.Client.GetAsync(new Uri($"/odata/Subjects?$filter={Uri.EscapeDataString(filter)}", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataMaxNodeCountExceeded);
        Assert.Equal("MaxNodeCount", problem.Limit);
    }

    [Fact]
    public async Task Queries_within_the_limits_are_served()
    {
        var deepest = await platform.Client.GetJsonAsync("/odata/Subjects?$expand=Module($expand=Department)&$filter=ModuleKey ne null&$top=2");

        Assert.All(deepest.GetProperty("value").EnumerateArray(), s =>
            Assert.Matches(@"^济宁市", s.GetProperty("Module").GetProperty("Department").GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task Paging_inside_expand_runs_where_the_database_can_and_is_a_400_where_it_cannot()
    {
        // A paged collection expanded under a paged parent needs SQL APPLY/LATERAL, which SQLite lacks.
        using var response = await platform.Client.GetAsync(new Uri("/odata/Modules?$expand=Subjects($expand=Department)&$top=1", UriKind.Relative));

        if (TestDatabase.UsesPostgres)
        {
            var feed = await response.ReadJsonAsync(HttpStatusCode.OK);
            var module = Assert.Single(feed.GetProperty("value").EnumerateArray());
            Assert.All(module.GetProperty("Subjects").EnumerateArray(), s => Assert.True(s.TryGetProperty("Department", out _)));
        }
        else
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataUnsupportedQuery);
        }
    }

    [Fact]
    public async Task Large_feeds_are_paged_with_a_next_link()
    {
        var client = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var first = await client.GetJsonAsync("/odata/health/CmeProjects?$select=Id&$count=true");

        var total = first.GetProperty("@odata.count").GetInt32();
        Assert.True(total > 200, $"demo data should exceed one page, has {total}");
        Assert.Equal(200, first.GetProperty("value").GetArrayLength());
        var next = new Uri(first.GetProperty("@odata.nextLink").GetString()!);
        var second = await client.GetJsonAsync(next.PathAndQuery);
        Assert.Equal(200, second.GetProperty("value").GetArrayLength());
        Assert.Empty(Ids(first).Intersect(Ids(second)));
    }

    [Fact]
    public async Task Prefer_maxpagesize_cannot_raise_the_page_size()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/health/CmeProjects?$select=Id");
        request.Headers.Add("Prefer", "odata.maxpagesize=5000");

        using var response = await (await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin)).SendAsync(request);
        var page = await response.ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(page.GetProperty("value").GetArrayLength() <= 200);
        Assert.True(page.TryGetProperty("@odata.nextLink", out _));
        Assert.Equal("odata.maxpagesize=200", Assert.Single(response.Headers.GetValues("Preference-Applied")));
    }

    [Fact]
    public async Task Prefer_maxpagesize_below_the_page_size_is_applied_and_said()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Subjects?$count=true");
        request.Headers.Add("Prefer", "return=minimal, odata.maxpagesize=3");

        using var response = await platform.Client.SendAsync(request);
        var page = await response.ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, page.GetProperty("value").GetArrayLength());
        Assert.True(page.TryGetProperty("@odata.nextLink", out _));
        Assert.Equal("odata.maxpagesize=3", Assert.Single(response.Headers.GetValues("Preference-Applied")));

        using var plain = await platform.Client.GetAsync(new Uri("/odata/Subjects?$top=1", UriKind.Relative));
        Assert.False(plain.Headers.Contains("Preference-Applied"));
    }

    [Fact]
    public async Task Unknown_property_gets_400_with_the_reason_and_no_stack_trace()
    {
        using var response = await platform.Client.GetAsync(new Uri("/odata/Subjects?$filter=Foo eq 1", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataInvalidQuery);
        Assert.Contains("Foo", problem.Detail, StringComparison.Ordinal);
    }

    private static IEnumerable<int> Ids(System.Text.Json.JsonElement page) =>
        page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt32());
}
