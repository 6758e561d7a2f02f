using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Registry;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Region;

/// <summary>
/// The registry pages of the county bureaus and line departments over HTTP: a county sees its own region's people
/// (masked as the API masks them) and never another county's, a department its sector's; other roles are refused.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class RegistryPagesTests(RegistryPlatformFixture platform)
{
    [Fact]
    public async Task A_county_finds_its_own_people_and_never_another_countys()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var mine = await platform.RegisterAsync(office, platform.A1, "页面甲区");
        var theirs = await platform.RegisterAsync(office, platform.B1, "页面乙区");
        var county = await platform.Accounts.CreateAsync($"t.rp.county.{Guid.NewGuid():N}"[..30], [PlatformRoles.CountyAdmin], "CB-" + RegistryPlatformFixture.CountyA);
        using var browser = await platform.Accounts.SignInAsync(county);

        var everyone = await browser.GetAsync("/registry/professionals?Name=页面");
        Assert.Equal(HttpStatusCode.OK, everyone.Status);
        Assert.DoesNotContain("error-summary", everyone.Html, StringComparison.Ordinal);
        Assert.Contains($"/registry/professionals/{mine.Id}", everyone.Html, StringComparison.Ordinal);
        Assert.Contains(mine.View.IdNumberMasked, everyone.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(mine.IdNumber, everyone.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Id.ToString(), everyone.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("页面乙区", everyone.Html, StringComparison.Ordinal);

        // Asking for the other region by the filter or by address shows nothing of it.
        var filtered = await browser.GetAsync($"/registry/professionals?Region={RegistryPlatformFixture.CountyB}");
        Assert.DoesNotContain("页面乙区", filtered.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/registry/professionals/{theirs.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/registry/employers/{platform.B1.Id}")).Status);

        var detail = await browser.GetAsync($"/registry/professionals/{mine.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Contains(mine.View.IdNumberMasked, detail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(mine.IdNumber, detail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(mine.Phone, detail.Html, StringComparison.Ordinal);

        var employers = await browser.GetAsync("/registry/employers");
        Assert.Contains($"/registry/employers/{platform.A1.Id}", employers.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/registry/employers/{platform.B1.Id}", employers.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_sees_its_sector_across_regions()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var healthA = await platform.RegisterAsync(office, platform.A1, "页面卫甲");
        var healthB = await platform.RegisterAsync(office, platform.B1, "页面卫乙");
        var education = await platform.RegisterAsync(office, platform.A2, "页面教甲");
        var health = await platform.Accounts.CreateAsync($"t.rp.dep.{Guid.NewGuid():N}"[..30], [PlatformRoles.DepartmentAdmin], "LD-health");
        using var browser = await platform.Accounts.SignInAsync(health);

        var page = await browser.GetAsync("/registry/professionals?Name=页面");
        Assert.Contains(healthA.Id.ToString(), page.Html, StringComparison.Ordinal);
        Assert.Contains(healthB.Id.ToString(), page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(education.Id.ToString(), page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/registry/professionals/{education.Id}")).Status);
    }

    [Fact]
    public async Task Sorting_and_paging_stay_in_the_address_and_a_bad_filter_is_named_next_to_its_field()
    {
        var county = await platform.Accounts.CreateAsync($"t.rp.sort.{Guid.NewGuid():N}"[..30], [PlatformRoles.CountyAdmin], "CB-" + RegistryPlatformFixture.CountyA);
        using var browser = await platform.Accounts.SignInAsync(county);

        var sorted = await browser.GetAsync("/registry/employers?sort=name&dir=desc");
        Assert.Equal(HttpStatusCode.OK, sorted.Status);
        Assert.Contains("aria-sort=\"descending\"", sorted.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", sorted.Html, StringComparison.Ordinal);
        var second = await browser.GetAsync("/registry/employers?page=2");
        Assert.DoesNotContain("error-summary", second.Html, StringComparison.Ordinal);

        var tooLong = await browser.GetAsync("/registry/professionals?Name=" + new string('名', 80));
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("<title>错误：", tooLong.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Name-error\"", tooLong.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("（name）", tooLong.Html, StringComparison.Ordinal);
    }

    public static TheoryData<string> Pages() => ["/registry/professionals", "/registry/employers", "/registry/providers", "/reviews/projects", "/reviews/records", "/compliance"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Other_roles_are_refused(string address)
    {
        foreach (var (role, organization) in new[] { (PlatformRoles.EmployerHr, platform.A1.Code), (PlatformRoles.ProviderStaff, "PO"), (PlatformRoles.SystemAdmin, "PO"), (PlatformRoles.AuditAdmin, "PO") })
        {
            var account = await platform.Accounts.CreateAsync($"t.rp.no.{Guid.NewGuid():N}"[..30], [role], organization);
            using var browser = await platform.Accounts.SignInAsync(account);
            var refused = await browser.GetAsync(address);
            Assert.True(refused.Status == HttpStatusCode.Forbidden || refused.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, $"{role} on {address}: {(int)refused.Status} {refused.Location}");
        }
    }
}
