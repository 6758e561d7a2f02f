using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// What each role sees of the professionals — through REST and OData alike: the program office everyone, a county
/// its region, a department its sector, employer HR its staff, a professional themselves.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class RegistryScopeTests(RegistryPlatformFixture platform)
{
    [Fact]
    public async Task Every_role_sees_exactly_its_own_part_of_the_registry()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var a1 = await platform.RegisterAsync(office, platform.A1, "范围甲一");
        var a2 = await platform.RegisterAsync(office, platform.A2, "范围甲二");
        var b1 = await platform.RegisterAsync(office, platform.B1, "范围乙一");
        var b2 = await platform.RegisterAsync(office, platform.B2, "范围乙二");
        var everyone = new[] { a1, a2, b1, b2 };

        var account = await platform.Accounts.CreateAsync($"t.scope.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], platform.A1.Code);
        await platform.LinkAsync(a1.Id, account.Id);
        using var self = await platform.Accounts.SignedInClientAsync(account);

        var cases = new (string Name, HttpClient Client, Person[] Visible, Func<ProfessionalAnswer, bool> Rule)[]
        {
            ("program office", office, everyone, _ => true),
            ("county 370811", await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA), [a1, a2], p => p.RegionCode == RegistryPlatformFixture.CountyA),
            ("county 370883", await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyB), [b1, b2], p => p.RegionCode == RegistryPlatformFixture.CountyB),
            ("health", await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health"), [a1, b1], p => p.DepartmentCode == Departments.Health),
            ("education", await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-education"), [a2, b2], p => p.DepartmentCode == Departments.Education),
            ("employer HR A1", await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code), [a1], p => p.EmployerId == platform.A1.Id),
            ("employer HR B2", await platform.ClientAsync(PlatformRoles.EmployerHr, platform.B2.Code), [b2], p => p.EmployerId == platform.B2.Id),
            ("professional", self, [a1], p => p.Id == a1.Id),
            ("provider staff", await platform.ClientAsync(PlatformRoles.ProviderStaff, "PO"), [], _ => false),
        };

        foreach (var (name, client, visible, rule) in cases)
        {
            var seen = await AllAsync(client);
            Assert.All(seen, p => Assert.True(rule(p), $"{name} sees {p}"));
            var ids = seen.Select(p => p.Id).ToHashSet();
            foreach (var person in everyone)
            {
                Assert.True(ids.Contains(person.Id) == visible.Contains(person), $"{name}: {person.View.Name} visible={ids.Contains(person.Id)}");

                using var single = await client.GetAsync(new Uri($"/api/registry/professionals/{person.Id}", UriKind.Relative));
                Assert.Equal(visible.Contains(person) ? HttpStatusCode.OK : HttpStatusCode.NotFound, single.StatusCode);
            }

            // OData agrees with REST.
            var odata = await client.GetAsAsync<int>("/odata/Professionals/$count");
            Assert.Equal(seen.Count, odata);
        }

        var mine = await self.GetAsAsync<PageAnswer<ProfessionalAnswer>>("/api/registry/professionals");
        Assert.Equal(1, mine.Total);
        Assert.True(Assert.Single(mine.Items).HasAccount);
    }

    [Fact]
    public async Task Filters_work_within_the_scope_and_the_ID_number_is_found_by_its_hash()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var person = await platform.RegisterAsync(office, platform.B1, "筛选测试");
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);

        // The exact number only with the unmask permission (and a purpose), and then within the caller's scope.
        using var permittedOffice = await platform.PermittedClientAsync(PlatformRoles.ProgramOfficeAdmin, "PO");
        using var permittedCounty = await platform.PermittedClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);
        var byId = await permittedOffice.GetAsAsync<PageAnswer<ProfessionalAnswer>>($"/api/registry/professionals?idNumber={person.IdNumber}&purpose=职称评审资格复核");
        Assert.Equal(person.Id, Assert.Single(byId.Items).Id);
        var hidden = await permittedCounty.GetAsAsync<PageAnswer<ProfessionalAnswer>>($"/api/registry/professionals?idNumber={person.IdNumber}&purpose=职称评审资格复核");
        Assert.Equal(0, hidden.Total);
        using var unentitled = await office.GetAsync(new Uri($"/api/registry/professionals?idNumber={person.IdNumber}&purpose=职称评审资格复核", UriKind.Relative));
        await unentitled.AssertProblemAsync(HttpStatusCode.Forbidden, "personal_data.lookup_forbidden");
        _ = county;

        var filtered = await office.GetAsAsync<PageAnswer<ProfessionalAnswer>>($"/api/registry/professionals?regionCode={RegistryPlatformFixture.CountyB}&departmentCode=health&employerId={platform.B1.Id}&titleLevel=中级&status=在职&name=筛选");
        Assert.Contains(filtered.Items, p => p.Id == person.Id);
        var none = await office.GetAsAsync<PageAnswer<ProfessionalAnswer>>("/api/registry/professionals?titleLevel=正高级&name=筛选");
        Assert.Equal(0, none.Total);

        foreach (var bad in new[] { "pageSize=101", "page=0", "titleLevel=特级", "status=休假", "idNumber=123" })
        {
            using var response = await office.GetAsync(new Uri("/api/registry/professionals?" + bad, UriKind.Relative));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        }

        var grouped = await office.GetAsAsync<ODataFeed<ProfessionalGroupEntity>>("/odata/Professionals?$apply=groupby((RegionCode,TitleLevel),aggregate($count as Count))", options: HttpJson.ODataAnswers);
        Assert.Contains(grouped.Value, g => g.RegionCode == RegistryPlatformFixture.CountyB && g.TitleLevel == "Intermediate" && g.Count >= 1);
    }

    // Every professional the client sees through the REST list (all pages).
    private static async Task<List<ProfessionalAnswer>> AllAsync(HttpClient client)
    {
        var all = new List<ProfessionalAnswer>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetAsAsync<PageAnswer<ProfessionalAnswer>>($"/api/registry/professionals?page={page}&pageSize=100");
            var items = body.Items;
            all.AddRange(items);
            if (all.Count >= body.Total || items.Count == 0)
            {
                return all;
            }
        }
    }
}
