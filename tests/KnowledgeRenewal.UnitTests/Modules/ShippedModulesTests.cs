using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Modules.Transport;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Modules;

/// <summary>What every module shipped with the platform must satisfy.</summary>
public class ShippedModulesTests
{
    private static readonly string[] ShippedKeys = ["education", "health", "transport"];

    public static TheoryData<string> Keys { get; } = [.. ShippedKeys];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Keeps_the_module_contract(string key)
    {
        Assert.Empty(ModuleContract.Check(ModuleFor(key)));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Has_at_least_15_active_subjects_with_Chinese_names_and_distinct_codes(string key)
    {
        var catalog = ModuleFor(key).Catalog;
        var active = catalog.Where(s => !s.IsRetired).ToArray();

        Assert.True(active.Length >= 15, $"{key} has {active.Length} active subjects");
        Assert.All(active, s => Assert.Contains(s.Name, c => c is >= '\u4e00' and <= '\u9fff'));
        Assert.Equal(catalog.Count, catalog.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("education", Departments.Education)]
    [InlineData("health", Departments.Health)]
    [InlineData("transport", Departments.Transport)]
    public void Its_manifest_names_its_key_and_department(string key, string department)
    {
        var manifest = ModuleFor(key).Manifest;

        Assert.Equal(key, manifest.Key);
        Assert.Equal(department, manifest.DepartmentCode);
        Assert.Empty(manifest.DependsOn);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Runs_on_the_SDK_of_this_platform(string key)
    {
        Assert.True(SdkInfo.IsCompatible(ModuleFor(key).Manifest.RequiresSdk, SdkInfo.Version));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Has_a_rule_set_in_force_from_the_programs_start_in_2023(string key)
    {
        var book = new RuleBook(key, ModuleFor(key).RuleSets);

        Assert.NotNull(book.InForceOn(new DateOnly(2023, 1, 1)));
        Assert.NotNull(book.InForceOn(new DateOnly(2030, 12, 31)));
    }

    [Fact]
    public void The_shipped_modules_belong_to_three_different_departments()
    {
        var departments = ShippedKeys.Select(key => ModuleFor(key).Manifest.DepartmentCode);

        Assert.Equal(3, departments.Distinct(StringComparer.Ordinal).Count());
    }

    internal static DepartmentModule ModuleFor(string key) => key switch
    {
        "education" => new EducationModule(),
        "health" => new HealthModule(),
        "transport" => new TransportModule(),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a shipped module"),
    };
}
