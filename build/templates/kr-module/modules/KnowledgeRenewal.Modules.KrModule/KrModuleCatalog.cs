using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.KrModule;

/// <summary>
/// The 模块中文名称 professional-subject catalog (专业科目目录). Codes are <c>KRCODE-</c> plus the pinyin initials of
/// the subject: unique, upper-case, never reused. To withdraw a subject set <c>IsRetired = true</c>; never delete it.
/// </summary>
public static class KrModuleCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        // TODO: replace these samples with the department's real subjects (code, Chinese name, discipline, default hours in (0, 200]).
        new("KRCODE-ZCFG", "模块中文名称领域政策法规与标准解读", "政策法规", 8m),
        new("KRCODE-XJS", "模块中文名称领域新技术、新工艺与新方法", "专业技术", 12m),
        new("KRCODE-AQGL", "模块中文名称领域安全生产与质量管理", "安全与质量管理", 8m),
    ];
}
