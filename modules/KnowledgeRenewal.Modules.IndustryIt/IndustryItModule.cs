using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.IndustryIt;

/// <summary>工业和信息化 — the Industry and IT department's module: its professional subjects and credit rules.</summary>
public sealed class IndustryItModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest { get; } = new()
    {
        // The key names the configuration (Modules:industry-it:Enabled), the routes and table prefixes: never change it.
        Key = "industry-it",
        NameZh = "工业和信息化",
        NameEn = "Industry and IT",
        DepartmentCode = Departments.IndustryIt,
        Version = new Version(1, 0, 0),

        // The SDK version the module is built against (SdkInfo.Version); the platform refuses an incompatible one.
        RequiresSdk = new Version(1, 1),
        Description = "济宁市工业和信息化领域专业技术人员的专业科目目录与继续教育学时规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => IndustryItCatalog.Subjects;

    /// <summary>
    /// The platform's general standard: at least 90 credit hours a year, professional subjects at least two thirds of them.
    /// Industry and IT engineers (工程技术人员) follow the general regulations: no national or Shandong rule sets other numbers for them,
    /// so the module adopts the platform default (see README.md).
    /// When the department sets numbers of its own, return its own rule sets here instead (see modules/README.md).
    /// </summary>
    public override IReadOnlyList<CreditRuleSet> RuleSets => PlatformDefaultRules.For(Manifest);
}
