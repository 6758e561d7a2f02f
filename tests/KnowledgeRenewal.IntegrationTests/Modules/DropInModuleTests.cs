using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Modules;

/// <summary>A module assembly dropped into the modules folder is discovered like a referenced one.</summary>
public sealed class DropInModuleTests
{
    public static string DropInFolder => Path.Combine(AppContext.BaseDirectory, "dropin-modules");

    [Fact]
    public async Task Module_from_the_modules_folder_is_discovered_listed_and_its_catalog_served()
    {
        Assert.True(File.Exists(Path.Combine(DropInFolder, "KnowledgeRenewal.TestModules.DropIn.dll")), "the test build copies the drop-in module");
        Assert.False(File.Exists(Path.Combine(DropInFolder, "KnowledgeRenewal.Sdk.dll")), "a drop-in module must not bring its own SDK");
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Platform:ModulesFolder"] = DropInFolder,
            ["Modules:water:Enabled"] = "true",
        });
        using var client = host.CreateClient();
        using var admin = await new TestAccounts(host).ClientAsync(KnowledgeRenewal.Sdk.PlatformRoles.SystemAdmin);

        var water = (await admin.GetJsonAsync("/api/admin/modules")).EnumerateArray().Single(m => m.GetProperty("key").GetString() == "water");
        var subjects = await client.GetJsonAsync("/odata/Subjects?$filter=ModuleKey eq 'water'&$count=true");

        Assert.True(water.GetProperty("enabled").GetBoolean());
        Assert.EndsWith("KnowledgeRenewal.TestModules.DropIn.dll", water.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, subjects.GetProperty("@odata.count").GetInt32());
        Assert.All(subjects.GetProperty("value").EnumerateArray(), s => Assert.Equal("water", s.GetProperty("DepartmentCode").GetString()));
    }
}
