using KnowledgeRenewal.Host.Modules;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Modules;

[Collection(SharedPlatform.Name)]
public sealed class ModuleListTests(PlatformFixture platform)
{
    [Fact]
    public async Task Admin_module_list_shows_key_version_state_catalog_size_and_source()
    {
        var modules = await (await platform.ClientAsync(PlatformRoles.SystemAdmin)).GetJsonAsync("/api/admin/modules");

        var health = modules.EnumerateArray().Single(m => m.GetProperty("key").GetString() == "health");
        Assert.Equal(
            ModuleDiscovery.Discover(typeof(ModuleDiscovery).Assembly, null).Select(m => m.Module.Manifest.Key).Order(StringComparer.Ordinal),
            modules.Strings("key"));
        Assert.Superset(new HashSet<string> { "agriculture", "education", "health", "housing", "industry-it", "transport" }, modules.Strings("key").ToHashSet());
        Assert.Equal("1.0.0", health.GetProperty("version").GetString());
        Assert.True(health.GetProperty("enabled").GetBoolean());
        Assert.Equal(new KnowledgeRenewal.Modules.Health.HealthModule().Catalog.Count, health.GetProperty("catalogSize").GetInt32());
        Assert.Equal("referenced", health.GetProperty("source").GetString());
        Assert.Equal("卫生健康", health.GetProperty("nameZh").GetString());
    }

    [Theory]
    [InlineData(PlatformRoles.ProgramOfficeAdmin)]
    [InlineData(PlatformRoles.SecurityAdmin)]
    [InlineData(PlatformRoles.AuditAdmin)]
    public async Task Only_system_admins_list_installed_modules(string role)
    {
        using var response = await (await platform.ClientAsync(role)).GetAsync(new Uri("/api/admin/modules", UriKind.Relative));
        using var anonymous = await platform.Client.GetAsync(new Uri("/api/admin/modules", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Public_module_list_and_odata_modules_agree()
    {
        var list = await platform.Client.GetJsonAsync("/api/modules");
        var feed = await platform.Client.GetJsonAsync("/odata/Modules?$select=Key,SubjectCount&$orderby=Key");

        Assert.Equal(list.Strings("key"), feed.GetProperty("value").Strings("Key"));
        Assert.Equal(
            list.EnumerateArray().Select(m => m.GetProperty("catalogSize").GetInt32()),
            feed.GetProperty("value").EnumerateArray().Select(m => m.GetProperty("SubjectCount").GetInt32()));
    }
}
