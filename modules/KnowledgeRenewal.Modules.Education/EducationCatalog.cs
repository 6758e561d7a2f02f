using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Education;

/// <summary>
/// The education department's professional-subject catalog (教师专业科目目录): curriculum reform, subject teaching,
/// moral and mental-health education, educational technology, and the Confucian-heritage teaching of 孔孟之乡.
/// Codes are <c>JY-</c> plus the pinyin initials of the subject.
/// </summary>
public static class EducationCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        new("JY-XKBJD", "义务教育新课程标准解读与教学设计", "课程与教学论", 12m),
        new("JY-DDYJX", "大单元教学与学习任务群设计", "课程与教学论", 12m),
        new("JY-SJZY", "“双减”背景下的作业设计与课后服务", "课程与教学论", 8m),
        new("JY-YWJX", "语文核心素养与整本书阅读教学", "学科教学（语文）", 12m),
        new("JY-SXJX", "数学核心素养与问题解决教学", "学科教学（数学）", 12m),
        new("JY-YYJX", "英语核心素养与主题意义探究教学", "学科教学（英语）", 12m),
        new("JY-KXSY", "科学探究与理化生实验教学能力提升", "学科教学（科学）", 12m),
        new("JY-SZYTH", "思政课教学改革与大中小学思政课一体化", "学科教学（思想政治）", 12m),
        new("JY-YXCT", "中华优秀传统文化进课堂教学实践", "传统文化教育", 12m),
        new("JY-RJWH", "孔孟之乡儒家文化育人与研学实践课程设计", "传统文化教育", 16m),
        new("JY-KTGL", "课堂管理与有效教学策略", "教育学", 8m),
        new("JY-BZR", "班主任工作与班集体建设", "德育", 12m),
        new("JY-XLJK", "中小学生心理健康教育与心理危机干预", "心理健康教育", 12m),
        new("JY-ZHJY", "智慧教育与人工智能赋能课堂教学", "教育技术", 12m),
        new("JY-XXRH", "信息技术与学科教学深度融合（国家智慧教育平台应用）", "教育技术", 8m),
        new("JY-JXSXT", "家校社协同育人与家庭教育指导", "家庭教育", 8m),
        new("JY-LDJY", "劳动教育课程设计与实施", "劳动教育", 8m),
        new("JY-XSPJ", "学生综合素质评价与教学评一体化", "教育评价", 8m),
        new("JY-JYKY", "教育科研方法与课题研究", "教育科研", 12m),
        new("JY-SDSF", "新时代师德师风建设与教师职业行为准则", "师德师风", 6m),
        new("JY-TSJY", "特殊教育与融合教育课程实施", "特殊教育", 12m),
        new("JY-XQJY", "幼儿园保育教育质量提升与游戏化学习", "学前教育", 12m),
        new("JY-CJRH", "职业教育产教融合与“双师型”教师能力提升", "职业教育", 16m),
        new("JY-GXKCSZ", "高校课程思政与一流课程建设", "高等教育", 12m),
    ];
}
