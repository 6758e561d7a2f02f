using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.IndustryIt;

/// <summary>
/// The 工业和信息化 professional-subject catalog (专业科目目录). Codes are <c>GX-</c> plus the pinyin initials of
/// the subject: unique, upper-case, never reused. To withdraw a subject set <c>IsRetired = true</c>; never delete it.
/// </summary>
public static class IndustryItCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        // TODO: replace these samples with the department's real subjects (code, Chinese name, discipline, default hours in (0, 200]).
        new("GX-ZCFG", "工业和信息化领域政策法规与标准解读", "政策法规", 8m),
        new("GX-XJS", "工业和信息化领域新技术、新工艺与新方法", "专业技术", 12m),
        new("GX-AQGL", "工业和信息化领域安全生产与质量管理", "安全与质量管理", 8m),
    ];
}
