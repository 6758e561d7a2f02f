using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.TestDoubles;

/// <summary>A department module whose every part a test sets; <see cref="Valid"/> conforms to the contract.</summary>
public class FakeModule : DepartmentModule
{
    public FakeModule(
        ModuleManifest manifest,
        IReadOnlyList<SubjectDefinition>? catalog = null,
        IReadOnlyList<CreditRuleSet>? ruleSets = null,
        IReadOnlyList<CreditClassDefinition>? creditClasses = null)
    {
        Manifest = manifest;
        Catalog = catalog ?? ValidCatalog;
        RuleSets = ruleSets ?? [TestRuleSets.Valid()];
        CreditClasses = creditClasses ?? [];
    }

    public static IReadOnlyList<SubjectDefinition> ValidCatalog { get; } =
    [
        new("SW-GSGC", "城乡供水工程设计与运行管理", "给排水工程", 12m),
        new("SW-WSCL", "污水处理工艺与运行管理", "环境工程", 8m),
    ];

    public override ModuleManifest Manifest { get; }

    public override IReadOnlyList<SubjectDefinition> Catalog { get; }

    public override IReadOnlyList<CreditRuleSet> RuleSets { get; }

    public override IReadOnlyList<CreditClassDefinition> CreditClasses { get; }

    /// <summary>A manifest that keeps every rule of the contract.</summary>
    public static ModuleManifest ValidManifest(string key = "water", string department = Departments.Water) => new()
    {
        Key = key,
        NameZh = "城乡水务",
        NameEn = "Water",
        DepartmentCode = department,
        Version = new Version(1, 0, 0),
        RequiresSdk = new Version(1, 0),
    };

    /// <summary>A module that keeps every rule of the contract.</summary>
    public static FakeModule Valid(string key = "water", string department = Departments.Water) => new(ValidManifest(key, department));
}

/// <summary>A second module type, so that two discovered modules differ by type as well as by source.</summary>
public sealed class RivalFakeModule(ModuleManifest manifest) : FakeModule(manifest);
