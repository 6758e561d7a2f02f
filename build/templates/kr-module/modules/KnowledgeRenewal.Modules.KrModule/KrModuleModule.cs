using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.KrModule;

/// <summary>模块中文名称 — the Module English Name department's module: its professional subjects and credit rules.</summary>
public sealed class KrModuleModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest { get; } = new()
    {
        Key = "kr-module-key",                               // Modules:kr-module-key:Enabled; never change it once data is recorded
        NameZh = "模块中文名称",
        NameEn = "Module English Name",
        DepartmentCode = Departments.KrDepartmentConstant,
        Version = new Version(1, 0, 0),                      // this module's own version
        RequiresSdk = new Version(1, 0),                     // the SDK it is built against (SdkInfo.Version)
        Description = "济宁市模块中文名称领域专业技术人员的专业科目目录与继续教育学时规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => KrModuleCatalog.Subjects;

    /// <inheritdoc />
    public override IReadOnlyList<CreditRuleSet> RuleSets => KrModuleCreditRules.RuleSets;
}
