using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Health.Tests;

/// <summary>The module's identity: its manifest, the SDK it runs on and the module contract.</summary>
public sealed class HealthModuleTests
{
    private readonly HealthModule module = new();

    [Fact]
    public void Keeps_the_module_contract()
    {
        Assert.Empty(ModuleContract.Check(module));
    }

    [Fact]
    public void Its_manifest_names_its_key_and_department()
    {
        var manifest = module.Manifest;

        Assert.Equal("health", manifest.Key);
        Assert.Equal(Departments.Health, manifest.DepartmentCode);
        Assert.Empty(manifest.DependsOn);
    }

    [Fact]
    public void Runs_on_the_SDK_of_this_platform()
    {
        Assert.True(SdkInfo.IsCompatible(module.Manifest.RequiresSdk, SdkInfo.Version));
    }
}
