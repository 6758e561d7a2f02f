using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.HousingConstruction;

/// <summary>住房城乡建设 — the Housing and Urban-Rural Construction department's module: its professional subjects and credit rules.</summary>
public sealed class HousingConstructionModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest { get; } = new()
    {
        // The key names the configuration (Modules:housing:Enabled), the routes and table prefixes: never change it.
        Key = "housing",
        NameZh = "住房城乡建设",
        NameEn = "Housing and Urban-Rural Construction",
        DepartmentCode = Departments.HousingConstruction,
        Version = new Version(1, 0, 0),

        // The SDK version the module is built against (SdkInfo.Version); the platform refuses an incompatible one.
        RequiresSdk = new Version(1, 1),
        Description = "济宁市住房城乡建设领域专业技术人员的专业科目目录与继续教育学时规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => HousingConstructionCatalog.Subjects;

    /// <summary>
    /// The platform's general standard: at least 90 credit hours a year, professional subjects at least two thirds of them.
    /// Construction engineers (工程技术人员) follow the general regulations, so the module adopts the platform default (see
    /// README.md). Registered practitioners' own registration-period hours (e.g. 注册建造师: 120 学时 per registration period)
    /// belong to their registration regimes and are not these rules.
    /// When the department sets numbers of its own, return its own rule sets here instead (see modules/README.md).
    /// </summary>
    public override IReadOnlyList<CreditRuleSet> RuleSets => PlatformDefaultRules.For(Manifest);
}
