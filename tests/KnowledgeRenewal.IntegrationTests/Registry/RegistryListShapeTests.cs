using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// The registry's lists answer the platform's one page shape — exactly <c>page, pageSize, total, items</c>, as before
/// the area's own page records were replaced by the kernel's <c>Paged&lt;T&gt;</c> — cut in the database.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class RegistryListShapeTests(RegistryPlatformFixture platform)
{
    [Theory]
    [InlineData("/api/registry/professionals")]
    [InlineData("/api/registry/employers")]
    [InlineData("/api/registry/training-providers")]
    [InlineData("/api/registry/education-bases")]
    public async Task A_registry_list_answers_page_pageSize_total_and_items_and_nothing_else(string list)
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        var page = await office.GetJsonAsync(list + "?page=1&pageSize=1");

        Assert.Equal(["page", "pageSize", "total", "items"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(Math.Min(1, page.GetProperty("total").GetInt32()), page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_second_page_continues_the_first_in_the_same_order()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        await platform.RegisterAsync(office, platform.A1);
        await platform.RegisterAsync(office, platform.A1);
        var url = $"/api/registry/professionals?employerId={platform.A1.Id}&pageSize=";

        var all = await office.GetJsonAsync(url + "100");
        var first = await office.GetJsonAsync(url + "1");
        var second = await office.GetJsonAsync(url + "1&page=2");

        Assert.True(all.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(all.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.Equal(
            all.GetProperty("items").EnumerateArray().Take(2).Select(p => p.GetProperty("id").GetGuid()),
            first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("id").GetGuid()));
    }
}
