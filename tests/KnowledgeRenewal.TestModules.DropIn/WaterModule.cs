using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.TestModules.DropIn;

/// <summary>A small water-affairs module used to test loading modules from the modules folder.</summary>
public sealed class WaterModule : DepartmentModule
{
    public override ModuleManifest Manifest { get; } = new()
    {
        Key = "water",
        NameZh = "城乡水务",
        NameEn = "Water",
        DepartmentCode = Departments.Water,
        Version = new Version(0, 9, 0),
        RequiresSdk = new Version(1, 0),
        Description = "测试用：从模块目录加载的城乡水务模块。",
    };

    public override IReadOnlyList<SubjectDefinition> Catalog { get; } =
    [
        new("SW-HDZL", "河道治理与防洪工程", "水利工程", 12m),
        new("SW-GSGW", "城乡供水管网运行维护", "给排水工程", 8m),
        new("SW-NSDD", "南水北调东线工程运行管理", "水利工程", 8m),
    ];

    public override IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    [
        new CreditRuleSet
        {
            EffectiveFrom = new DateOnly(2023, 1, 1),
            Title = "城乡水务专业技术人员继续教育（测试）",
            RequiredTotal = 90m,
            Requirements = [new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) }],
        },
    ];
}
