using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Data;

/// <summary>Demo data is deterministic (same seed, same city) and seeded once per database.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task Two_fresh_databases_get_the_same_demo_data_and_a_restart_adds_nothing()
    {
        await using var first = await TestDatabase.CreateAsync(demoTemplate: false);
        await using var second = await TestDatabase.CreateAsync(demoTemplate: false);

        var a = await ProjectsAsync(first);
        var b = await ProjectsAsync(second);
        var restarted = await ProjectsAsync(first);

        Assert.True(a.Length > 500, $"expected several years of CME projects, got {a.Length}");
        Assert.Equal(a, b);
        Assert.Equal(a, restarted);
    }

    private static async Task<string[]> ProjectsAsync(TestDatabase database)
    {
        await using var host = new PlatformFactory(database);
        using var client = await new TestAccounts(host).ClientAsync(KnowledgeRenewal.Sdk.PlatformRoles.ProgramOfficeAdmin);
        var rows = new List<string>();
        string? next = "/odata/health/CmeProjects?$select=ProjectNumber,Title,HostOrganization,StartDate,Credits&$orderby=ProjectNumber";
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            rows.AddRange(page.GetProperty("value").EnumerateArray().Select(r => r.GetRawText()));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? new Uri(link.GetString()!).PathAndQuery : null;
        }

        return [.. rows];
    }
}
