using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Education.Tests;

/// <summary>The module's identity: its manifest, the SDK it runs on and the module contract.</summary>
public sealed class EducationModuleTests
{
    private readonly EducationModule module = new();

    [Fact]
    public void Keeps_the_module_contract()
    {
        Assert.Empty(ModuleContract.Check(module));
    }

    [Fact]
    public void Its_manifest_names_its_key_and_department()
    {
        var manifest = module.Manifest;

        Assert.Equal("education", manifest.Key);
        Assert.Equal(Departments.Education, manifest.DepartmentCode);
        Assert.Empty(manifest.DependsOn);
    }

    [Fact]
    public void Runs_on_the_SDK_of_this_platform()
    {
        Assert.True(SdkInfo.IsCompatible(module.Manifest.RequiresSdk, SdkInfo.Version));
    }

    [Fact]
    public void Identifies_itself_as_the_education_module_in_Chinese()
    {
        Assert.Equal("education", module.Manifest.Key);
        Assert.Equal(Departments.Education, module.Manifest.DepartmentCode);
        Assert.Equal("教育", module.Manifest.NameZh);
    }
}
