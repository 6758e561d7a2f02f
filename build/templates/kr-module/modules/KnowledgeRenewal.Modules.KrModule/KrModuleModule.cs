using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.KrModule;

/// <summary>模块中文名称 — the Module English Name department's module: its professional subjects and credit rules.</summary>
public sealed class KrModuleModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest { get; } = new()
    {
        // The key names the configuration (Modules:kr-module-key:Enabled), the routes and table prefixes: never change it.
        Key = "kr-module-key",
        NameZh = "模块中文名称",
        NameEn = "Module English Name",
        DepartmentCode = Departments.KrDepartmentConstant,
        Version = new Version(1, 0, 0),

        // The SDK version the module is built against (SdkInfo.Version); the platform refuses an incompatible one.
        RequiresSdk = new Version(1, 0),
        Description = "济宁市模块中文名称领域专业技术人员的专业科目目录与继续教育学时规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => KrModuleCatalog.Subjects;

    /// <inheritdoc />
    public override IReadOnlyList<CreditRuleSet> RuleSets => KrModuleCreditRules.RuleSets;
}
