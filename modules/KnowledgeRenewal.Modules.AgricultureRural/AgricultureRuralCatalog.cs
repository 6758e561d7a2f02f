using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.AgricultureRural;

/// <summary>
/// The 农业农村 professional-subject catalog (专业科目目录). Codes are <c>NY-</c> plus the pinyin initials of
/// the subject: unique, upper-case, never reused. To withdraw a subject set <c>IsRetired = true</c>; never delete it.
/// </summary>
public static class AgricultureRuralCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        // TODO: replace these samples with the department's real subjects (code, Chinese name, discipline, default hours in (0, 200]).
        new("NY-ZCFG", "农业农村领域政策法规与标准解读", "政策法规", 8m),
        new("NY-XJS", "农业农村领域新技术、新工艺与新方法", "专业技术", 12m),
        new("NY-AQGL", "农业农村领域安全生产与质量管理", "安全与质量管理", 8m),
    ];
}
