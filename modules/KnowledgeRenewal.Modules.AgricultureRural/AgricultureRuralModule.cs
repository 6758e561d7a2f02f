using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.AgricultureRural;

/// <summary>农业农村 — the Agriculture and Rural Affairs department's module: its professional subjects and credit rules.</summary>
public sealed class AgricultureRuralModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest { get; } = new()
    {
        // The key names the configuration (Modules:agriculture:Enabled), the routes and table prefixes: never change it.
        Key = "agriculture",
        NameZh = "农业农村",
        NameEn = "Agriculture and Rural Affairs",
        DepartmentCode = Departments.AgricultureRural,
        Version = new Version(1, 0, 0),

        // The SDK version the module is built against (SdkInfo.Version); the platform refuses an incompatible one.
        RequiresSdk = new Version(1, 1),
        Description = "济宁市农业农村领域专业技术人员的专业科目目录与继续教育学时规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => AgricultureRuralCatalog.Subjects;

    /// <summary>
    /// The platform's general standard: at least 90 credit hours a year, professional subjects at least two thirds of them.
    /// Agricultural technicians (农业技术人员) follow the general regulations: no national or Shandong rule known to the platform
    /// sets other numbers for them, so the module adopts the platform default (see README.md).
    /// When the department sets numbers of its own, return its own rule sets here instead (see modules/README.md).
    /// </summary>
    public override IReadOnlyList<CreditRuleSet> RuleSets => PlatformDefaultRules.For(Manifest);
}
