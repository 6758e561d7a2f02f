using Xunit.Sdk;

namespace KnowledgeRenewal.Sdk.Conformance.Tests;

/// <summary>
/// A module that breaks a rule gets a failing conformance test whose message says what is wrong and what to do,
/// in English, with a Chinese headline. Each test feeds a deliberately broken module to the kit's real test method.
/// </summary>
public sealed class KitMessageTests
{
    [Fact]
    public void A_sound_module_passes_the_manifest_catalog_and_rule_checks()
    {
        var kit = new KitOn<SoundModule>();

        kit.Manifest_is_valid_and_runs_on_this_SDK();
        kit.Catalog_is_valid();
        kit.Rule_sets_are_well_formed();
    }

    [Fact]
    public void A_reused_retired_code_a_missing_Chinese_name_and_hours_out_of_bounds_fail_the_catalog_test()
    {
        var message = Failure(new KitOn<BrokenCatalogModule>().Catalog_is_valid);

        Assert.Contains("Module 'kit-sound'", message, StringComparison.Ordinal);
        Assert.Contains("专业科目目录", message, StringComparison.Ordinal);
        Assert.Contains("subject code 'CS-OLD' is retired and used again; a retired code is never reused: give the new subject a new code", message, StringComparison.Ordinal);
        Assert.Contains("subject 'CS-PUMP' needs a Chinese Name", message, StringComparison.Ordinal);
        Assert.Contains("subject 'CS-ZERO' DefaultCreditHours 0 must be in (0, 200]", message, StringComparison.Ordinal);
        Assert.Contains("subject 'CS-HUGE' DefaultCreditHours 500 must be in (0, 200]", message, StringComparison.Ordinal);
        Assert.Contains("逐条修改后重新运行测试", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_periods_a_minimum_above_the_total_and_a_zero_conversion_fail_the_rules_test()
    {
        var message = Failure(new KitOn<BrokenRulesModule>().Rule_sets_are_well_formed);

        Assert.Contains("学时规则", message, StringComparison.Ordinal);
        Assert.Contains("rule set '旧规则' ends on 2025-12-31 but '新规则' starts on 2025-01-01; periods must not overlap", message, StringComparison.Ordinal);
        Assert.Contains("requirement for 'Professional' minimum 120 exceeds RequiredTotal 90", message, StringComparison.Ordinal);
        Assert.Contains("HoursPerUnit (the conversion to credit hours) must be positive, not 0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_key_an_unknown_department_and_a_newer_SDK_fail_the_manifest_test()
    {
        var message = Failure(new KitOn<BrokenManifestModule>().Manifest_is_valid_and_runs_on_this_SDK);

        Assert.Contains("key 'Kit_Broken' must be 2–32 lowercase letters, digits or hyphens", message, StringComparison.Ordinal);
        Assert.Contains("NameZh must be the module's Chinese name", message, StringComparison.Ordinal);
        Assert.Contains("DepartmentCode 'water-works' is not a line department; use a constant of KnowledgeRenewal.Sdk.Departments", message, StringComparison.Ordinal);
        Assert.Contains($"RequiresSdk 2.0 does not run on this platform's SDK {SdkInfo.Version}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_another_module_uses_fails_the_key_test()
    {
        var message = Failure(new KitOn<KeyThiefModule>().Key_is_unique_and_the_host_finds_the_module);

        Assert.Contains("key 'education' is already used by KnowledgeRenewal.Modules.Education.EducationModule; choose another key", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_the_host_does_not_reference_is_told_how_to_reference_it()
    {
        var message = Failure(new KitOn<SoundModule>().Key_is_unique_and_the_host_finds_the_module);

        Assert.Contains("the host does not find KnowledgeRenewal.Sdk.Conformance.Tests.SoundModule: reference it from src/KnowledgeRenewal.Host/KnowledgeRenewal.Host.csproj", message, StringComparison.Ordinal);
        Assert.Contains("Modules:kit-sound:Enabled", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_referencing_the_core_or_another_module_fails_the_reference_check()
    {
        // This test assembly references the kit, the host and (through it) the core and the modules: as a "module" it breaks every rule.
        var problems = ModuleConformance.CheckReferences(
            typeof(KitMessageTests).Assembly,
            ["KnowledgeRenewal.Sdk.Conformance", "KnowledgeRenewal.Modules.Education"]);

        Assert.Contains(problems, p => p.Contains("references the module KnowledgeRenewal.Sdk.Conformance; modules never reference each other", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("which the SDK does not bring", StringComparison.Ordinal) && p.Contains("xunit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_module_referencing_a_platform_internal_is_told_to_use_the_SDK_instead()
    {
        var problems = ModuleConformance.CheckReferences(typeof(ModuleConformance).Assembly, []);

        Assert.Contains(problems, p => p == "KnowledgeRenewal.Sdk.Conformance references KnowledgeRenewal.Host, a platform internal; a module may reference only KnowledgeRenewal.Sdk (remove the reference and use the SDK's types)");
        Assert.Contains(problems, p => p.StartsWith("KnowledgeRenewal.Sdk.Conformance references KnowledgeRenewal.Kernel, a platform internal", StringComparison.Ordinal));
    }

    [Fact]
    public void The_packages_the_SDK_brings_are_allowed()
    {
        var problems = ModuleConformance.CheckReferences(typeof(KnowledgeRenewal.Modules.Health.HealthModule).Assembly, ["KnowledgeRenewal.Modules.Education"]);

        Assert.Empty(problems);
    }

    private static string Failure(Action test) => Assert.Throws<XunitException>(test).Message;
}
