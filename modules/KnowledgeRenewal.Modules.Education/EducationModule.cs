using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Education;

/// <summary>教育 — the education department's module: teachers' professional subjects and the five-year credit-hour cycle.</summary>
public sealed class EducationModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest { get; } = new()
    {
        Key = "education",
        NameZh = "教育",
        NameEn = "Education",
        DepartmentCode = Departments.Education,
        Version = new Version(1, 0, 0),
        RequiresSdk = new Version(1, 1),
        Description = "面向济宁市中小学、幼儿园、职业院校和高校教师的专业科目目录与五年周期继续教育学时规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => EducationCatalog.Subjects;

    /// <inheritdoc />
    public override IReadOnlyList<CreditRuleSet> RuleSets => EducationCreditRules.RuleSets;
}
