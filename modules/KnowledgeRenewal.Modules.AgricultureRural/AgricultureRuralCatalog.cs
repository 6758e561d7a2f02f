using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.AgricultureRural;

/// <summary>
/// The agriculture and rural affairs department's professional-subject catalog (农业农村专业科目目录) for agronomists,
/// plant-protection, livestock, veterinary, fisheries, machinery and rural-economy specialists, with rural
/// revitalization (乡村振兴) subjects.
/// Codes are <c>NY-</c> plus the pinyin initials of the subject: unique, upper-case, never reused. To withdraw a subject set <c>IsRetired = true</c>; never delete it.
/// </summary>
public static class AgricultureRuralCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        // 粮食生产与种植业 · grain and crops
        new("NY-LSAQ", "粮食安全与高标准农田建设", "农学", 12m),
        new("NY-ZYPZ", "主要农作物新品种推广与良种良法配套", "作物遗传育种", 12m),
        new("NY-LSFK", "农作物病虫害绿色防控与统防统治", "植物保护", 12m),
        new("NY-CTSF", "测土配方施肥与耕地质量提升", "土壤肥料", 8m),
        new("NY-HFJL", "化肥农药减量增效与农业绿色发展", "农业资源与环境", 8m),
        new("NY-SSNY", "设施农业与蔬菜高效栽培技术", "园艺", 12m),

        // 畜牧兽医与渔业 · livestock, veterinary and fisheries
        new("NY-XQYZ", "畜禽标准化规模养殖与粪污资源化利用", "畜牧", 12m),
        new("NY-DWYB", "重大动物疫病防控与兽医卫生监督", "兽医", 12m),
        new("NY-SCYZ", "水产健康养殖与南四湖渔业生态保护", "水产", 8m),

        // 质量安全、农机与智慧农业 · quality, machinery and digital agriculture
        new("NY-ZLAQ", "农产品质量安全检测与追溯管理", "农产品质量安全", 8m),
        new("NY-NJZB", "农机装备与主要农作物生产全程机械化", "农业机械化", 8m),
        new("NY-ZHNY", "智慧农业与数字乡村建设", "农业信息化", 12m),
        new("NY-NCPJG", "农产品加工、冷链物流与品牌建设", "食品科学与工程", 8m),

        // 乡村振兴 · rural revitalization
        new("NY-XCZX", "乡村振兴战略与“三农”政策解读", "农业经济管理", 8m),
        new("NY-XXZT", "新型农业经营主体培育与农业社会化服务", "农业经济管理", 8m),
        new("NY-JTJJ", "农村集体产权制度改革与新型农村集体经济", "农村经济管理", 8m),
        new("NY-RJHJ", "农村人居环境整治与和美乡村建设", "农业资源与环境", 8m),
        new("NY-NJTG", "基层农技推广方法与高素质农民培育", "农业推广", 8m),
    ];
}
