using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.IndustryIt;

/// <summary>
/// The industry and IT department's professional-subject catalog (工业和信息化专业科目目录) for engineers of Jining's
/// key industries — high-end equipment, high-end chemicals, new energy, new-generation IT, new materials and
/// pharmaceuticals — and for smart manufacturing and the industrial internet.
/// Codes are <c>GX-</c> plus the pinyin initials of the subject: unique, upper-case, never reused. To withdraw a subject set <c>IsRetired = true</c>; never delete it.
/// </summary>
public static class IndustryItCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        // 六大重点产业 · the six key industries: 高端装备、高端化工、新能源、新一代信息技术、新材料、生物医药
        new("GX-GDZB", "高端装备制造技术与高档数控机床应用", "机械工程", 12m),
        new("GX-GYJQR", "工业机器人系统集成与运维", "机械电子工程", 12m),
        new("GX-HGAQ", "化工过程安全管理与危险化学品风险防控", "化学工程与工艺", 12m),
        new("GX-JXHG", "高端化工：精细化工与化工新材料工艺", "化学工程与工艺", 12m),
        new("GX-XNYFD", "新能源发电（光伏、风电）与新型储能技术", "电气工程", 12m),
        new("GX-QNY", "氢能制储运加技术与装备", "能源动力工程", 8m),
        new("GX-DLDC", "新能源汽车动力电池与电驱动系统", "车辆工程", 12m),
        new("GX-RGZN", "人工智能技术与制造业场景应用", "计算机科学与技术", 12m),
        new("GX-DSJ", "工业大数据与云计算技术应用", "计算机科学与技术", 12m),
        new("GX-JCDL", "集成电路与电子元器件制造工艺基础", "电子科学与技术", 12m),
        new("GX-WLAQ", "工业控制系统网络安全与数据安全防护", "网络空间安全", 8m),
        new("GX-XCL", "先进基础材料与关键战略材料", "材料科学与工程", 12m),
        new("GX-FHCL", "高性能纤维及复合材料、前沿新材料应用", "材料科学与工程", 12m),
        new("GX-SWYY", "生物医药研发与药品生产质量管理规范（GMP）", "药学", 12m),
        new("GX-YLQX", "医疗器械生产质量管理与注册申报", "生物医学工程", 8m),

        // 智能制造与工业互联网 · smart manufacturing and the industrial internet
        new("GX-ZNZZ", "智能制造系统架构与智能工厂、数字化车间建设", "智能制造工程", 16m),
        new("GX-GYHLW", "工业互联网平台与标识解析体系应用", "工业互联网", 12m),
        new("GX-5GGY", "“5G+工业互联网”融合应用与工业App开发", "通信工程", 8m),
        new("GX-SZZX", "制造业数字化转型与两化融合管理体系", "信息化管理", 8m),
        new("GX-LSZZ", "绿色制造与工业节能降碳", "环境与能源工程", 8m),
        new("GX-ZLGL", "工业产品质量管理与卓越绩效模式", "质量管理工程", 8m),
        new("GX-GYSJ", "工业设计与产品创新", "工业设计", 8m),
    ];
}
