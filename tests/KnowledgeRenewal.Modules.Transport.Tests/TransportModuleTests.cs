using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Transport.Tests;

/// <summary>The module's identity: its manifest, the SDK it runs on and the module contract.</summary>
public sealed class TransportModuleTests
{
    private readonly TransportModule module = new();

    [Fact]
    public void Keeps_the_module_contract()
    {
        Assert.Empty(ModuleContract.Check(module));
    }

    [Fact]
    public void Its_manifest_names_its_key_and_department()
    {
        var manifest = module.Manifest;

        Assert.Equal("transport", manifest.Key);
        Assert.Equal(Departments.Transport, manifest.DepartmentCode);
        Assert.Empty(manifest.DependsOn);
    }

    [Fact]
    public void Runs_on_the_SDK_of_this_platform()
    {
        Assert.True(SdkInfo.IsCompatible(module.Manifest.RequiresSdk, SdkInfo.Version));
    }
}
