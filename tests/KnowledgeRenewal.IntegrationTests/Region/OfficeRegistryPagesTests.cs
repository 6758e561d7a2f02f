using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Registry;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Region;

/// <summary>The registry pages for the program office over HTTP: the whole city — every county's people and employers.</summary>
[Collection(RegistryPlatform.Name)]
public sealed class OfficeRegistryPagesTests(RegistryPlatformFixture platform)
{
    [Fact]
    public async Task The_program_office_sees_the_people_and_employers_of_every_county()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var inA = await platform.RegisterAsync(office, platform.A1, "全市甲区");
        var inB = await platform.RegisterAsync(office, platform.B1, "全市乙区");
        var account = await platform.Accounts.CreateAsync($"t.rp.po.{Guid.NewGuid():N}"[..30], [PlatformRoles.ProgramOfficeAdmin], "PO");
        using var browser = await platform.Accounts.SignInAsync(account);

        var people = await browser.GetAsync("/registry/professionals?Name=全市");
        Assert.Equal(HttpStatusCode.OK, people.Status);
        Assert.Contains($"/registry/professionals/{inA.Id}", people.Html, StringComparison.Ordinal);
        Assert.Contains($"/registry/professionals/{inB.Id}", people.Html, StringComparison.Ordinal);
        Assert.Contains(inB.View.IdNumberMasked, people.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(inB.IdNumber, people.Html, StringComparison.Ordinal);

        // The region filter narrows to one county; both counties' details open.
        var onlyB = await browser.GetAsync($"/registry/professionals?Name=全市&Region={RegistryPlatformFixture.CountyB}");
        Assert.Contains($"/registry/professionals/{inB.Id}", onlyB.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/registry/professionals/{inA.Id}", onlyB.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/registry/professionals/{inA.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/registry/professionals/{inB.Id}")).Status);

        var employers = await browser.GetAsync("/registry/employers?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/registry/employers/{platform.A1.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/registry/employers/{platform.B1.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, employers.Status);
    }
}
