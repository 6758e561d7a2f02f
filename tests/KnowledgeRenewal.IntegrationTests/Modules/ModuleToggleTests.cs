using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Modules.Health.CmeProjects;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Modules;

/// <summary>
/// Switching a module off (Modules:{key}:Enabled=false) removes every trace of it from the running platform and
/// deletes none of its data; switching it on again brings everything back.
/// </summary>
public sealed class ModuleToggleTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private long cmeProjects;
    private string landingWithAll = "";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var all = new PlatformFactory(database);
        using var client = all.CreateClient();
        using var reader = await new TestAccounts(all).ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        cmeProjects = (await reader.GetJsonAsync("/odata/health/CmeProjects?$count=true&$top=0")).GetProperty("@odata.count").GetInt64();
        landingWithAll = await client.GetStringAsync(new Uri("/", UriKind.Relative));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("education", "教育", 24)]
    [InlineData("health", "卫生健康", 24)]
    [InlineData("transport", "交通运输", 23)]
    public async Task Disabled_module_vanishes_and_comes_back_with_its_data(string key, string nameZh, int catalogSize)
    {
        Assert.Contains($"<td>{nameZh}</td>", landingWithAll, StringComparison.Ordinal);

        await using (var off = new PlatformFactory(database, new Dictionary<string, string?> { [$"Modules:{key}:Enabled"] = "false" }))
        {
            using var client = off.CreateClient();
            var accounts = new TestAccounts(off);
            using var admin = await accounts.ClientAsync(PlatformRoles.SystemAdmin);
            using var reader = await accounts.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
            Assert.DoesNotContain(key, (await client.GetJsonAsync("/api/modules")).Strings("key"));
            Assert.DoesNotContain(key, (await client.GetJsonAsync("/odata/Modules")).GetProperty("value").Strings("Key"));
            Assert.Equal(0, (await client.GetJsonAsync($"/odata/Subjects?$filter=ModuleKey eq '{key}'&$count=true")).GetProperty("@odata.count").GetInt32());
            Assert.Equal(0, (await client.GetJsonAsync($"/odata/Subjects?$filter=DepartmentCode eq '{key}'&$count=true")).GetProperty("@odata.count").GetInt32());
            var expanded = await client.GetJsonAsync("/odata/Modules?$expand=Subjects($select=ModuleKey)");
            Assert.DoesNotContain(expanded.GetProperty("value").EnumerateArray().SelectMany(m => m.GetProperty("Subjects").Strings("ModuleKey")), k => k == key);
            Assert.DoesNotContain($"<td>{nameZh}</td>", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/rules/{key}", UriKind.Relative))).StatusCode);

            var installed = (await admin.GetJsonAsync("/api/admin/modules")).EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);
            Assert.False(installed.GetProperty("enabled").GetBoolean());

            if (key == "health")
            {
                Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/api/health/cme-projects", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/odata/health/CmeProjects", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/odata/health/$metadata", UriKind.Relative))).StatusCode);
                Assert.DoesNotContain("/api/health/", await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)), StringComparison.Ordinal);
                // The module's own figure leaves the platform overview (the landing page shows the program's figures only).
                Assert.DoesNotContain("继续医学教育项目（卫生健康）", await client.GetStringAsync(new Uri("/api/overview", UriKind.Relative)), StringComparison.Ordinal);
                using (var browser = await accounts.SignInAsync(await accounts.CreateAsync("cme.page.off", [PlatformRoles.CountyAdmin], "CB-370811")))
                {
                    // The module's page and its menu entry are gone with it.
                    Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/modules/health/cme-projects")).Status);
                    Assert.DoesNotContain("/modules/health/cme-projects", (await browser.GetAsync("/workbench")).Html, StringComparison.Ordinal);
                }

                using var scope = off.Services.CreateSystemScope();
                Assert.Null(scope.ServiceProvider.GetService<IRequestHandler<ListCmeProjects, CmeProjectPage>>());
                Assert.Null(scope.ServiceProvider.GetService<HealthDbContext>());
                Assert.Equal(cmeProjects, await database.ScalarAsync("SELECT COUNT(*) FROM \"health_CmeProjects\""));
            }

            // Nothing recorded is deleted: the catalog rows wait in the database.
            Assert.Equal(catalogSize, await database.ScalarAsync($"SELECT COUNT(*) FROM \"Subjects\" WHERE \"ModuleKey\" = '{key}'"));
        }

        await using var on = new PlatformFactory(database);
        using var again = on.CreateClient();
        Assert.Contains(key, (await again.GetJsonAsync("/api/modules")).Strings("key"));
        Assert.Equal(catalogSize, (await again.GetJsonAsync($"/odata/Subjects?$filter=ModuleKey eq '{key}'&$count=true")).GetProperty("@odata.count").GetInt32());
        Assert.Contains($"<td>{nameZh}</td>", await again.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        if (key == "health")
        {
            using var reader = await new TestAccounts(on).ClientAsync(PlatformRoles.ProgramOfficeAdmin);
            Assert.Equal(cmeProjects, (await reader.GetJsonAsync("/odata/health/CmeProjects?$count=true&$top=0")).GetProperty("@odata.count").GetInt64());
        }
    }
}
