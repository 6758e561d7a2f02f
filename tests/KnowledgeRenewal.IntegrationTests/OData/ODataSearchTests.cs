using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Registry;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>
/// <c>$search</c> (ADR 0028): it finds by name where the set's table says so, within the caller's scope only; it never
/// finds by ID number or phone; on a set without searchable properties, or with an operator the platform does not
/// read, it is a 400 problem — never ignored.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class ODataSearchTests(RegistryPlatformFixture platform)
{
    [Fact]
    public async Task Professionals_are_found_by_name_within_the_caller_s_scope_only()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var unique = "检索" + Unique();
        var inA = await platform.RegisterAsync(office, platform.A1, unique + "东");
        var inB = await platform.RegisterAsync(office, platform.B1, unique + "西");
        var other = await platform.RegisterAsync(office, platform.A1, "无关人员");

        var all = await IdsAsync(office, $"/odata/Professionals?$search={unique}");
        Assert.Equal(new[] { inA.Id, inB.Id }.Order(), all.Order());
        Assert.DoesNotContain(other.Id, all);

        // Two terms: both must match (the second narrows to one person); a quoted phrase works too.
        Assert.Equal([inB.Id], await IdsAsync(office, $"/odata/Professionals?$search={unique} 西"));
        Assert.Equal([inA.Id], await IdsAsync(office, $"/odata/Professionals?$search=\"{unique}东\""));
        Assert.Equal(2, await office.GetAsAsync<int>($"/odata/Professionals/$count?$search={unique}"));

        // A county admin of 任城区 finds only the one in its region: the search never reaches past the scope.
        var countyA = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);
        Assert.Equal([inA.Id], await IdsAsync(countyA, $"/odata/Professionals?$search={unique}"));
        var employerB = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.B1.Code);
        Assert.Equal([inB.Id], await IdsAsync(employerB, $"/odata/Professionals?$search={unique}"));
    }

    [Fact]
    public async Task ID_numbers_and_phones_are_not_searchable()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var person = await platform.RegisterAsync(office, platform.A2, "号码检索测试");

        Assert.Empty(await IdsAsync(office, $"/odata/Professionals?$search={person.IdNumber}"));
        Assert.Empty(await IdsAsync(office, $"/odata/Professionals?$search={person.IdNumber[^4..]}"));
        Assert.Empty(await IdsAsync(office, $"/odata/Professionals?$search={person.Phone}"));
        Assert.Empty(await IdsAsync(office, $"/odata/Professionals?$search={person.Phone[^4..]}"));
    }

    [Fact]
    public async Task Employers_are_found_by_name()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        var found = await office.GetAsAsync<JsonElement>($"/odata/Employers?$search={Uri.EscapeDataString(platform.A1.Name)}&$select=Id,Name");

        var names = found.GetProperty("value").Strings("Name").ToList();
        Assert.Contains(platform.A1.Name, names);
        Assert.All(names, n => Assert.Contains(platform.A1.Name, n, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/odata/Compliance?$search=张", ProblemCodes.ODataSearchUnsupported)]
    [InlineData("/odata/Employments?$search=张", ProblemCodes.ODataSearchUnsupported)]
    [InlineData("/odata/Professionals?$search=张 OR 李", ProblemCodes.ODataSearchInvalid)]
    [InlineData("/odata/Professionals?$search=NOT 张", ProblemCodes.ODataSearchInvalid)]
    [InlineData("/odata/Professionals?$search=(张)", ProblemCodes.ODataSearchInvalid)]
    [InlineData("/odata/Professionals?$search=", ProblemCodes.ODataSearchInvalid)]
    [InlineData("/odata/Professionals?$search=\"张", ProblemCodes.ODataSearchInvalid)]
    public async Task A_search_the_set_cannot_answer_is_a_400_problem_not_ignored(string url, string code)
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        using var response = await office.GetAsync(new Uri(url, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Detail);
        Assert.False(string.IsNullOrWhiteSpace(problem.Json.GetProperty("technicalDetail").GetString()));
    }

    // Names take no digits: six random characters of the heavenly stems and earthly branches.
    private static string Unique() =>
        string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"[Convert.ToInt32(c.ToString(), 16)]));

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url)
    {
        var feed = await client.GetAsAsync<JsonElement>(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "$select=Id");
        return [.. feed.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Id").GetGuid())];
    }
}
