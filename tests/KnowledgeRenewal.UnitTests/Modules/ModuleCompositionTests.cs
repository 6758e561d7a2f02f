using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Modules.Education;
using KnowledgeRenewal.Modules.Health;
using KnowledgeRenewal.Modules.Transport;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.UnitTests.TestDoubles;
using Microsoft.Extensions.Configuration;

namespace KnowledgeRenewal.UnitTests.Modules;

public class ModuleCompositionTests
{
    private const string Referenced = "referenced";
    private const string DropInFile = "/srv/knowledge-renewal/modules/KnowledgeRenewal.Modules.Water.dll";

    [Fact]
    public void A_valid_configuration_gives_the_installed_and_enabled_modules()
    {
        var registry = Compose(
            Shipped(),
            ("education", "true"), ("health", "true"), ("transport", "false"));

        Assert.Equal(["education", "health", "transport"], registry.Installed.Select(m => m.Key));
        Assert.Equal(["education", "health"], registry.Enabled.Select(m => m.Key));
        Assert.Equal(["education", "health"], registry.EnabledKeys);
        Assert.False(registry.Installed.Single(m => m.Key == "transport").Enabled);
        Assert.All(registry.Installed, m => Assert.Equal(Referenced, m.Source));
    }

    [Fact]
    public void No_modules_and_no_configuration_give_an_empty_registry()
    {
        var registry = Compose([]);

        Assert.Empty(registry.Installed);
        Assert.Empty(registry.EnabledKeys);
    }

    [Fact]
    public void Configuration_keys_match_module_keys_whatever_their_case()
    {
        var registry = Compose([new(new HealthModule(), Referenced)], ("Health", "True"));

        Assert.Equal(["health"], registry.EnabledKeys);
    }

    [Fact]
    public void A_module_present_but_not_configured_stops_start_up_and_says_which_setting_to_add()
    {
        var error = ComposeFails([new(FakeModule.Valid(), DropInFile)]);

        var problem = Assert.Single(error.Problems);
        Assert.Contains("Module 'water'", problem, StringComparison.Ordinal);
        Assert.Contains("present but not mentioned", problem, StringComparison.Ordinal);
        Assert.Contains("Modules:water:Enabled", problem, StringComparison.Ordinal);
        Assert.Contains("Modules__water__Enabled", problem, StringComparison.Ordinal);
        Assert.Contains(DropInFile, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    public void An_Enabled_value_other_than_true_or_false_stops_start_up(string value)
    {
        var error = ComposeFails([new(FakeModule.Valid(), Referenced)], ("water", value));

        var problem = Assert.Single(error.Problems);
        Assert.Equal($"Modules:water:Enabled must be true or false, not '{value}'.", problem);
    }

    [Fact]
    public void A_configured_module_that_is_missing_stops_start_up()
    {
        var error = ComposeFails(Shipped(), ("education", "true"), ("health", "true"), ("transport", "true"), ("sewage", "true"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("Modules:sewage is configured but no module with key 'sewage' was found", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_declared_by_two_modules_stops_start_up_naming_both()
    {
        var error = ComposeFails(
            [new(FakeModule.Valid(), Referenced), new(new RivalFakeModule(FakeModule.ValidManifest()), DropInFile)],
            ("water", "true"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("Module key 'water' is declared more than once", problem, StringComparison.Ordinal);
        Assert.Contains($"{typeof(FakeModule).FullName} from {Referenced}", problem, StringComparison.Ordinal);
        Assert.Contains($"{typeof(RivalFakeModule).FullName} from {DropInFile}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enabled_module_depending_on_a_missing_module_stops_start_up()
    {
        var water = new FakeModule(FakeModule.ValidManifest() with { DependsOn = ["sewage"] });

        var error = ComposeFails([new(water, Referenced)], ("water", "true"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("Module 'water' depends on module 'sewage', which is not installed.", problem);
    }

    [Fact]
    public void An_enabled_module_depending_on_a_disabled_module_stops_start_up()
    {
        var water = new FakeModule(FakeModule.ValidManifest() with { DependsOn = ["health"] });

        var error = ComposeFails([new(water, Referenced), new(new HealthModule(), Referenced)], ("water", "true"), ("health", "false"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("Module 'water' depends on module 'health', which is disabled", problem, StringComparison.Ordinal);
        Assert.Contains("Modules:health:Enabled=true", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enabled_module_depending_on_an_enabled_module_starts()
    {
        var water = new FakeModule(FakeModule.ValidManifest() with { DependsOn = ["health"] });

        var registry = Compose([new(water, Referenced), new(new HealthModule(), Referenced)], ("water", "true"), ("health", "true"));

        Assert.Equal(["health", "water"], registry.EnabledKeys);
    }

    [Fact]
    public void A_disabled_module_with_a_missing_dependency_does_not_stop_start_up()
    {
        var water = new FakeModule(FakeModule.ValidManifest() with { DependsOn = ["sewage"] });

        var registry = Compose([new(water, Referenced)], ("water", "false"));

        Assert.Empty(registry.Enabled);
    }

    [Fact]
    public void An_enabled_module_needing_a_newer_SDK_stops_start_up_naming_both_versions()
    {
        var water = new FakeModule(FakeModule.ValidManifest() with { RequiresSdk = new Version(2, 0) });

        var error = ComposeFails([new(water, Referenced)], ("water", "true"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("requires SDK 2.0", problem, StringComparison.Ordinal);
        Assert.Contains($"provides SDK {SdkInfo.Version}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enabled_module_built_for_an_older_minor_SDK_starts_on_a_newer_one()
    {
        var registry = ModuleComposition.Compose(
            [new(FakeModule.Valid(), Referenced)],
            Section(("water", "true")),
            new Version(1, 3));

        Assert.Equal(["water"], registry.EnabledKeys);
    }

    [Fact]
    public void Two_enabled_modules_of_one_department_stop_start_up()
    {
        var error = ComposeFails(
            [new(FakeModule.Valid("water"), Referenced), new(FakeModule.Valid("water-supply"), DropInFile)],
            ("water", "true"), ("water-supply", "true"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("Department 'water' has more than one enabled module (water, water-supply); enable one.", problem);
    }

    [Fact]
    public void Two_modules_of_one_department_start_when_only_one_is_enabled()
    {
        var registry = Compose(
            [new(FakeModule.Valid("water"), Referenced), new(FakeModule.Valid("water-supply"), DropInFile)],
            ("water", "false"), ("water-supply", "true"));

        Assert.Equal(["water-supply"], registry.EnabledKeys);
        Assert.Equal(2, registry.Installed.Count);
    }

    [Fact]
    public void An_enabled_module_that_breaks_the_contract_stops_start_up_with_its_contract_message()
    {
        var broken = new FakeModule(FakeModule.ValidManifest() with { NameZh = "Water" });

        var error = ComposeFails([new(broken, Referenced)], ("water", "true"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("module 'water': NameZh must be the module's Chinese name", problem);
    }

    [Fact]
    public void A_disabled_module_that_breaks_the_contract_does_not_stop_start_up()
    {
        var broken = new FakeModule(FakeModule.ValidManifest() with { NameZh = "Water", RequiresSdk = new Version(9, 0) }, catalog: []);

        var registry = Compose([new(broken, Referenced), new(new HealthModule(), Referenced)], ("water", "false"), ("health", "true"));

        Assert.Equal(["health", "water"], registry.Installed.Select(m => m.Key));
        Assert.Equal(["health"], registry.EnabledKeys);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var unconfigured = FakeModule.Valid("water");
        var badValue = new HealthModule();
        var tooNew = new FakeModule(FakeModule.ValidManifest("roads", Departments.Transport) with { RequiresSdk = new Version(2, 0) });
        var broken = new FakeModule(FakeModule.ValidManifest("schools", Departments.Education), catalog: []);

        var error = ComposeFails(
            [new(unconfigured, DropInFile), new(badValue, Referenced), new(tooNew, Referenced), new(broken, Referenced)],
            ("health", "yes"), ("roads", "true"), ("schools", "true"), ("sewage", "false"));

        Assert.Equal(5, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("Module 'water'", StringComparison.Ordinal) && p.Contains("present but not mentioned", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Modules:health:Enabled must be true or false, not 'yes'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("no module with key 'sewage'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Module 'roads' 1.0.0 requires SDK 2.0", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("module 'schools': the catalog is empty", StringComparison.Ordinal));
        Assert.All(error.Problems, p => Assert.Contains(p, error.Message, StringComparison.Ordinal));
        Assert.StartsWith("The platform cannot start with its modules:", error.Message, StringComparison.Ordinal);
    }

    private static DiscoveredModule[] Shipped() =>
    [
        new(new EducationModule(), Referenced),
        new(new HealthModule(), Referenced),
        new(new TransportModule(), Referenced),
    ];

    private static IConfigurationSection Section(params (string Key, string Enabled)[] modules) =>
        TestConfiguration.From([.. modules.Select(m => ($"Modules:{m.Key}:Enabled", (string?)m.Enabled))]).GetSection("Modules");

    private static ModuleRegistry Compose(DiscoveredModule[] discovered, params (string Key, string Enabled)[] modules) =>
        ModuleComposition.Compose(discovered, Section(modules), SdkInfo.Version);

    private static PlatformConfigurationException ComposeFails(DiscoveredModule[] discovered, params (string Key, string Enabled)[] modules) =>
        Assert.Throws<PlatformConfigurationException>(() => Compose(discovered, modules));
}
