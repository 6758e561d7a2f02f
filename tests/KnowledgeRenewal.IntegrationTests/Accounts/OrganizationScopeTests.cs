using System.Linq.Expressions;
using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Accounts;

/// <summary>
/// <c>/api/organizations</c> and <c>/odata/Organizations</c> return exactly what the caller's scope allows: the data
/// layer's filter decides, for REST, OData, <c>$expand</c> and single keys alike.
/// </summary>
[Collection(AccountsPlatform.Name)]
public sealed class OrganizationScopeTests(AccountsPlatformFixture platform)
{
    [Fact]
    public async Task A_county_admin_sees_the_organizations_of_its_region_only()
    {
        using var client = await SignedInAsync(PlatformRoles.CountyAdmin, ProgramOrganizations.CountyBureauCode("370811"));

        var seen = await AssertSeesExactlyAsync(client, o => o.RegionCode == "370811");

        Assert.All(seen, o => Assert.Equal("370811", o.RegionCode));
        Assert.Contains(seen, o => o.Code == "CB-370811");
        Assert.True(seen.Count > 10, $"expected the county's bureau, hospitals, schools and enterprises, got {seen.Count}");
    }

    [Fact]
    public async Task A_department_admin_sees_the_organizations_of_its_sector_only()
    {
        using var client = await SignedInAsync(PlatformRoles.DepartmentAdmin, ProgramOrganizations.LineDepartmentCode(Departments.Health));

        var seen = await AssertSeesExactlyAsync(client, o => o.DepartmentCode == Departments.Health);

        Assert.All(seen, o => Assert.Equal(Departments.Health, o.DepartmentCode));
        Assert.Contains(seen, o => o.Type == nameof(OrganizationType.Employer));
        Assert.Contains(seen, o => o.Type == nameof(OrganizationType.TrainingProvider));
    }

    [Fact]
    public async Task Employer_HR_sees_its_own_organization_only()
    {
        var employer = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer && o.RegionCode == "370883");
        using var client = await SignedInAsync(PlatformRoles.EmployerHr, employer.Code);

        var seen = await AssertSeesExactlyAsync(client, o => o.Id == employer.Id);

        Assert.Equal(employer.Code, Assert.Single(seen).Code);
    }

    [Fact]
    public async Task Provider_staff_see_their_own_provider_only()
    {
        var provider = await platform.OrganizationAsync(o => o.Type == OrganizationType.TrainingProvider);
        using var client = await SignedInAsync(PlatformRoles.ProviderStaff, provider.Code);

        await AssertSeesExactlyAsync(client, o => o.Id == provider.Id);
    }

    [Fact]
    public async Task A_professional_sees_its_own_employer_only()
    {
        var employer = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer && o.RegionCode == "370826");
        var other = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer && o.RegionCode == "370827");
        using var client = await SignedInAsync(PlatformRoles.Professional, employer.Code);

        var seen = await AssertSeesExactlyAsync(client, o => o.Id == employer.Id);

        Assert.Single(seen);
        using var elsewhere = await client.GetAsync(new Uri($"/odata/Organizations({other.Id})", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_program_office_sees_every_organization()
    {
        using var client = await SignedInAsync(PlatformRoles.ProgramOfficeAdmin, ProgramOrganizations.ProgramOfficeCode);

        await AssertSeesExactlyAsync(client, o => true);
    }

    [Fact]
    public async Task A_security_admin_sees_every_organization()
    {
        await AssertSeesExactlyAsync(platform.SecurityAdmin, o => true);
    }

    [Theory]
    [InlineData(PlatformRoles.SystemAdmin)]
    [InlineData(PlatformRoles.AuditAdmin)]
    public async Task System_and_audit_administrators_do_not_read_the_registry(string role)
    {
        using var client = await SignedInAsync(role, ProgramOrganizations.ProgramOfficeCode);

        using var rest = await client.GetAsync(new Uri("/api/organizations", UriKind.Relative));
        using var feed = await client.GetAsync(new Uri("/odata/Organizations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, rest.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, feed.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = platform.Anonymous();

        using var rest = await anonymous.GetAsync(new Uri("/api/organizations", UriKind.Relative));
        using var feed = await anonymous.GetAsync(new Uri("/odata/Organizations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, feed.StatusCode);
    }

    [Fact]
    public async Task Out_of_scope_organizations_answer_404_and_are_not_reached_through_expand()
    {
        using var client = await SignedInAsync(PlatformRoles.CountyAdmin, ProgramOrganizations.CountyBureauCode("370811"));
        var elsewhere = await platform.OrganizationAsync(o => o.RegionCode == "370812");
        var bureau = await platform.OrganizationAsync(o => o.Code == "CB-370811");
        var inside = await platform.OrganizationAsync(o => o.RegionCode == "370811" && o.Type == OrganizationType.Employer);

        using var outside = await client.GetAsync(new Uri($"/odata/Organizations({elsewhere.Id})", UriKind.Relative));
        var own = await client.GetAsAsync<OrganizationWithParentEntity>($"/odata/Organizations({inside.Id})?$expand=Parent", options: HttpJson.ODataAnswers);
        var expanded = await client.GetAsAsync<OrganizationWithParentEntity>($"/odata/Organizations({bureau.Id})?$expand=Parent", options: HttpJson.ODataAnswers);
        var filtered = await client.GetAsAsync<ODataFeed<OrganizationFeedEntity>>("/odata/Organizations?$filter=RegionCode eq '370812'&$count=true", options: HttpJson.ODataAnswers);

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("CB-370811", own.Parent?.Code);
        Assert.Null(expanded.Parent); // the program office is outside a county's scope
        Assert.Equal(0, filtered.Count);
    }

    [Fact]
    public async Task The_REST_list_filters_by_type_region_sector_and_search_and_pages()
    {
        using var client = await SignedInAsync(PlatformRoles.ProgramOfficeAdmin, ProgramOrganizations.ProgramOfficeCode);

        var hospitals = await client.GetAsAsync<PageAnswer<OrganizationSummaryAnswer>>($"/api/organizations?type=Employer&regionCode=370829&departmentCode={Departments.Health}");
        var search = await client.GetAsAsync<PageAnswer<OrganizationSummaryAnswer>>("/api/organizations?search=曲阜师范大学");
        var paged = await client.GetAsAsync<PageAnswer<OrganizationSummaryAnswer>>("/api/organizations?pageSize=10&page=2");
        using var tooLarge = await client.GetAsync(new Uri("/api/organizations?pageSize=1000", UriKind.Relative));

        var expected = await platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters()
            .CountAsync(o => o.Type == OrganizationType.Employer && o.RegionCode == "370829" && o.DepartmentCode == Departments.Health));
        Assert.Equal(expected, hospitals.Total);
        Assert.Contains("嘉祥县人民医院", hospitals.Items.Select(o => o.Name));
        Assert.Contains("曲阜师范大学", search.Items.Select(o => o.Name));
        Assert.Equal(10, paged.Items.Count);
        Assert.Equal(2, paged.Page);
        await tooLarge.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
    }

    private async Task<HttpClient> SignedInAsync(string role, string organizationCode)
    {
        var account = await platform.Accounts.CreateAsync(AccountsPlatformFixture.UniqueName("org"), [role], organizationCode);
        return await platform.Accounts.SignedInClientAsync(account);
    }

    // Both surfaces return exactly the rows of the predicate (counted in the database without any scope).
    private async Task<List<OrganizationFeedEntity>> AssertSeesExactlyAsync(HttpClient client, Expression<Func<Organization, bool>> visible)
    {
        var expected = await platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters().Where(visible).Select(o => o.Id).ToListAsync());

        var rest = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var answer = await client.GetAsAsync<PageAnswer<OrganizationSummaryAnswer>>($"/api/organizations?pageSize=200&page={page}");
            Assert.Equal(expected.Count, answer.Total);
            var items = answer.Items.Select(o => o.Id).ToList();
            rest.AddRange(items);
            if (items.Count < 200)
            {
                break;
            }
        }

        var feed = new List<OrganizationFeedEntity>();
        string? next = "/odata/Organizations?$count=true&$select=Id,Code,Type,RegionCode,DepartmentCode";
        while (next is not null)
        {
            var page = await client.GetAsAsync<ODataFeed<OrganizationFeedEntity>>(next, options: HttpJson.ODataAnswers);
            if (page.Count is { } count)
            {
                Assert.Equal(expected.Count, count);
            }

            feed.AddRange(page.Value);
            next = page.NextLink is { } link ? new Uri(link).PathAndQuery : null;
        }

        Assert.Equal(expected.Order(), rest.Order());
        Assert.Equal(expected.Order(), feed.Select(o => o.Id).Order());
        return feed;
    }
}
