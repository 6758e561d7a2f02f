using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Modules.Transport;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;

namespace KnowledgeRenewal.UnitTests.Modules;

public class ModuleRegistryTests
{
    private readonly ModuleRegistry registry = new(
    [
        new ModuleDescriptor(new TransportModule(), "referenced", Enabled: false),
        new ModuleDescriptor(FakeModule.Valid("water"), "/srv/modules/water.dll", Enabled: true),
        new ModuleDescriptor(new HealthModule(), "referenced", Enabled: true),
        new ModuleDescriptor(new EducationModule(), "referenced", Enabled: true),
    ]);

    [Fact]
    public void Installed_lists_every_module_ordered_by_key()
    {
        Assert.Equal(["education", "health", "transport", "water"], registry.Installed.Select(m => m.Key));
    }

    [Fact]
    public void Enabled_and_EnabledKeys_list_the_enabled_modules_ordered_by_key()
    {
        Assert.Equal(["education", "health", "water"], registry.Enabled.Select(m => m.Key));
        Assert.Equal(["education", "health", "water"], registry.EnabledKeys);
    }

    [Fact]
    public void FindEnabled_returns_an_enabled_module_by_key()
    {
        var health = registry.FindEnabled("health");

        Assert.NotNull(health);
        Assert.IsType<HealthModule>(health.Module);
    }

    [Theory]
    [InlineData("transport")]
    [InlineData("sewage")]
    public void FindEnabled_returns_null_for_a_disabled_or_unknown_key(string key)
    {
        Assert.Null(registry.FindEnabled(key));
    }

    [Theory]
    [InlineData(Departments.Health, "health")]
    [InlineData(Departments.Education, "education")]
    [InlineData(Departments.Water, "water")]
    public void FindEnabledForDepartment_returns_the_departments_enabled_module(string department, string key)
    {
        Assert.Equal(key, registry.FindEnabledForDepartment(department)?.Key);
    }

    [Theory]
    [InlineData(Departments.Transport)]
    [InlineData(Departments.Finance)]
    [InlineData("unknown")]
    public void FindEnabledForDepartment_returns_null_when_the_department_has_no_enabled_module(string department)
    {
        Assert.Null(registry.FindEnabledForDepartment(department));
    }

    [Fact]
    public void A_descriptor_exposes_its_modules_manifest_assembly_and_active_subject_count()
    {
        var module = new FakeModule(
            FakeModule.ValidManifest(),
            catalog: [.. FakeModule.ValidCatalog, new SubjectDefinition("SW-OLD", "旧供水规范", "给排水工程", 8m) { IsRetired = true }]);

        var descriptor = new ModuleDescriptor(module, "referenced", Enabled: true);

        Assert.Equal("water", descriptor.Key);
        Assert.Same(module.Manifest, descriptor.Manifest);
        Assert.Same(typeof(FakeModule).Assembly, descriptor.Assembly);
        Assert.Equal(2, descriptor.ActiveSubjectCount);
    }
}
