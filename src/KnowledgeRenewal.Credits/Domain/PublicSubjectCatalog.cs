using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// The public-subject catalog (公需科目) the core owns: what the seed asks every professional to learn —
/// political theory, ethics, scientific spirit, teamwork, digital skills, intellectual property,
/// cyber-security and emergency management (seed 三(二)).
/// </summary>
public static class PublicSubjectCatalog
{
    /// <summary>The department that owns public subjects: the city HR and social security bureau.</summary>
    public const string OwnerDepartment = Departments.HumanResourcesSocialSecurity;

    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        new("GX-ZZLL", "习近平新时代中国特色社会主义思想专题", "政治理论", 6m),
        new("GX-ESD", "党的二十大精神学习解读", "政治理论", 6m),
        new("GX-ZYDD", "专业技术人员职业道德与诚信建设", "职业道德", 4m),
        new("GX-KXJS", "科学精神与科研诚信", "科学素养", 4m),
        new("GX-CXNL", "创新思维与创新能力提升", "能力提升", 6m),
        new("GX-TDHZ", "团队合作与沟通协调", "能力提升", 4m),
        new("GX-SZJN", "数字技术应用与数字素养提升", "数字技能", 8m),
        new("GX-RGZN", "人工智能基础与行业应用", "数字技能", 6m),
        new("GX-ZSCQ", "知识产权保护与运用", "知识产权", 4m),
        new("GX-WLAQ", "网络安全与数据安全", "网络安全", 4m),
        new("GX-GRXX", "个人信息保护法律实务", "网络安全", 3m),
        new("GX-YJGL", "应急管理与安全生产", "应急管理", 4m),
        new("GX-FZSY", "法治素养与依法履职", "法治建设", 4m),
        new("GX-XLJK", "心理健康与压力调适", "身心健康", 3m),
        new("GX-JNZL", "济宁“九大战略”与高质量发展专题", "地方发展", 4m),
        new("GX-LSFZ", "生态文明与绿色低碳发展", "地方发展", 4m),
    ];
}
