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
        RequiresSdk = new Version(1, 2),
        Description = "济宁市模块中文名称领域专业技术人员的专业科目目录与继续教育学时规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => KrModuleCatalog.Subjects;

    // The credit rules. Until the department's own numbers are entered, the module adopts the platform's general
    // standard in one line (at least 90 credit hours a year, professional subjects at least two thirds of them).
    // To declare the sector's own numbers, replace the line below with its rule sets (modules/README.md §3, "Rules"):
    //
    //   public override IReadOnlyList<CreditRuleSet> RuleSets { get; } =
    //   [
    //       new CreditRuleSet
    //       {
    //           EffectiveFrom = ProgramPeriod.Start,     // a change of rules is a NEW set with a later date
    //           Title = "模块中文名称专业技术人员继续教育（年度）",
    //           Basis = "《……》（the regulation the numbers come from）",
    //           CycleYears = 1,
    //           Unit = CreditUnit.Hour,
    //           RequiredTotal = 90m,
    //           Requirements = [new CreditRequirement { Category = CreditCategory.Professional, MinimumShare = Share.Of(2, 3) }],
    //           Activities = [new ActivityRule { Activity = ActivityType.ClassroomTraining }, new ActivityRule { Activity = ActivityType.OnlineLearning }],
    //       },
    //   ];

    /// <inheritdoc />
    public override IReadOnlyList<CreditRuleSet> RuleSets => PlatformDefaultRules.For(Manifest);
}
