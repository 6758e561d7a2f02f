namespace KnowledgeRenewal.Sdk.Conformance.Tests;

/// <summary>A small module that keeps every rule; the broken modules below change one thing each.</summary>
public class SoundModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest => new()
    {
        Key = "kit-sound",
        NameZh = "测试部门",
        NameEn = "Kit test",
        DepartmentCode = Departments.Water,
        Version = new Version(1, 0, 0),
        RequiresSdk = new Version(1, 0),
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog =>
    [
        new("CS-GSGW", "城乡供水管网运行维护", "给排水工程", 8m),
        new("CS-HDZL", "河道治理与防洪工程", "水利工程", 12m),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<CreditRuleSet> RuleSets =>
    [
        new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2023, 1, 1),
            Title = "测试规则",
            RequiredTotal = 90m,
            Requirements = [new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) }],
        },
    ];
}

/// <summary>Reuses the code of a retired subject, has no Chinese name, 0 hours and 500 hours.</summary>
public sealed class BrokenCatalogModule : SoundModule
{
    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog =>
    [
        new("CS-OLD", "旧供水规范", "给排水工程", 8m) { IsRetired = true },
        new("CS-OLD", "新供水规范", "给排水工程", 8m),
        new("CS-PUMP", "Pump maintenance", "给排水工程", 8m),
        new("CS-ZERO", "零学时科目", "给排水工程", 0m),
        new("CS-HUGE", "超长学时科目", "给排水工程", 500m),
    ];
}

/// <summary>Two overlapping periods, a minimum above the total and a non-positive conversion.</summary>
public sealed class BrokenRulesModule : SoundModule
{
    /// <inheritdoc />
    public override IReadOnlyList<CreditRuleSet> RuleSets =>
    [
        new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2023, 1, 1),
            EffectiveTo = new DateOnly(2025, 12, 31),
            Title = "旧规则",
            RequiredTotal = 90m,
            Requirements = [new CreditRequirement { Category = CreditCategory.Professional, Minimum = 120m }],
        },
        new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2025, 1, 1),
            Title = "新规则",
            Unit = CreditUnit.Credit,
            HoursPerUnit = 0m,
            RequiredTotal = 25m,
        },
    ];
}

/// <summary>Not a line department, a bad key and a far-future SDK.</summary>
public sealed class BrokenManifestModule : SoundModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest => new()
    {
        Key = "Kit_Broken",
        NameZh = "Broken",
        NameEn = "Broken",
        DepartmentCode = "water-works",
        Version = new Version(1, 0, 0),
        RequiresSdk = new Version(2, 0),
    };
}

/// <summary>Borrows the education module's key.</summary>
public sealed class KeyThiefModule : SoundModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest => base.Manifest with { Key = "education" };
}

/// <summary>The kit run against a broken module; not public, so xunit does not run it on its own.</summary>
internal sealed class KitOn<TModule>() : ModuleConformanceTests<TModule>(new ModuleHosts<TModule>())
    where TModule : DepartmentModule, new();
