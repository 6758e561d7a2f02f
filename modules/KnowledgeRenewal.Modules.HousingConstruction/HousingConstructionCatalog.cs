using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.HousingConstruction;

/// <summary>
/// The housing and urban-rural construction department's professional-subject catalog (住房城乡建设专业科目目录)
/// for engineers of building design, construction, engineering management, municipal works and housing.
/// Codes are <c>ZJ-</c> plus the pinyin initials of the subject: unique, upper-case, never reused. To withdraw a subject set <c>IsRetired = true</c>; never delete it.
/// </summary>
public static class HousingConstructionCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        // 建筑设计与结构 · design and structures
        new("ZJ-LSJZ", "建筑节能与绿色建筑评价标准", "建筑技术科学", 12m),
        new("ZJ-ZPSJZ", "装配式建筑设计、构件生产与施工", "土木工程", 12m),
        new("ZJ-BIM", "建筑信息模型（BIM）技术应用", "土木工程", 12m),
        new("ZJ-ZNJZ", "智能建造与建筑机器人应用", "智能建造", 12m),
        new("ZJ-KZJG", "建筑抗震设计与既有建筑加固改造", "结构工程", 12m),
        new("ZJ-DJJK", "地基基础与深基坑工程技术", "岩土工程", 12m),
        new("ZJ-QZGF", "全文强制性工程建设规范解读", "工程标准", 8m),

        // 工程建设管理 · construction management
        new("ZJ-AQSC", "建筑施工安全生产管理与危大工程管控", "工程管理", 12m),
        new("ZJ-ZLTB", "建设工程质量管理与质量通病防治", "工程管理", 8m),
        new("ZJ-ZTBHT", "工程建设项目招标投标与合同管理", "工程管理", 8m),
        new("ZJ-ZJJJ", "工程造价管理与工程量清单计价", "工程造价", 12m),
        new("ZJ-JLSW", "建设工程监理实务", "工程管理", 8m),

        // 城市建设与住房 · urban construction and housing
        new("ZJ-CSGX", "城市更新与城镇老旧小区改造", "城乡规划", 8m),
        new("ZJ-HMCS", "海绵城市建设技术", "市政工程", 8m),
        new("ZJ-GLGW", "城市地下综合管廊与市政管网运行维护", "市政工程", 8m),
        new("ZJ-RQAQ", "城镇燃气安全管理", "燃气工程", 8m),
        new("ZJ-NCZF", "农村住房建设与农房质量安全提升", "土木工程", 8m),
        new("ZJ-WYGL", "物业管理与住宅专项维修资金管理", "房地产经营管理", 6m),
        new("ZJ-ZFBZ", "房地产市场调控与住房保障政策", "房地产经营管理", 6m),
    ];
}
