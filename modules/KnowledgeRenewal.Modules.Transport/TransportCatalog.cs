using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Transport;

/// <summary>
/// The transport department's professional-subject catalog (交通运输专业科目目录): highways and bridges, the
/// Beijing–Hangzhou Grand Canal waterway and its ports (济宁港、梁山港), road transport safety, logistics and
/// multimodal transport, testing, cost and quality supervision. Codes are <c>JT-</c> plus the pinyin initials of the subject.
/// </summary>
public static class TransportCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        new("JT-LJLM", "公路路基路面设计与施工技术", "道路工程", 12m),
        new("JT-GLYH", "公路养护技术与路面预防性养护", "道路工程", 12m),
        new("JT-NCGL", "农村公路建设与“四好农村路”管理", "道路工程", 8m),
        new("JT-QLSG", "桥梁工程设计与施工新技术", "桥梁与隧道工程", 12m),
        new("JT-QLJC", "桥梁检测与技术状况评定", "桥梁与隧道工程", 12m),
        new("JT-SDGC", "隧道工程施工与安全风险管控", "桥梁与隧道工程", 8m),
        new("JT-HDZZ", "京杭运河航道整治与船闸运行管理", "水运工程", 16m),
        new("JT-NHGK", "内河港口规划建设与运营管理（济宁港、梁山港）", "港口航道与海岸工程", 12m),
        new("JT-CBJY", "内河船舶检验与船舶技术法规", "船舶与海洋工程", 12m),
        new("JT-SSAQ", "内河水上交通安全监管与船舶防污染", "水上交通安全", 8m),
        new("JT-DSLY", "公铁水多式联运与现代物流组织", "物流管理", 12m),
        new("JT-ZHWL", "物流信息化与智慧物流", "物流管理", 8m),
        new("JT-DLYS", "道路运输安全生产管理与风险分级管控", "交通安全管理", 8m),
        new("JT-WXHW", "危险货物道路运输安全管理", "交通安全管理", 8m),
        new("JT-ZNJT", "交通工程与智能交通系统", "交通工程", 12m),
        new("JT-ZHGS", "智慧高速公路与车路协同技术", "交通工程", 8m),
        new("JT-BIM", "BIM技术在交通基础设施建设中的应用", "交通工程", 8m),
        new("JT-ZJZB", "交通建设工程造价与招标投标管理", "工程造价", 12m),
        new("JT-ZLJD", "公路水运工程质量与安全监督", "工程管理", 12m),
        new("JT-SYJC", "公路水运工程试验检测技术", "工程试验检测", 16m),
        new("JT-LSJT", "绿色交通与新能源运输装备应用", "绿色交通", 8m),
        new("JT-GJYY", "城市公共交通规划与运营管理", "城市交通", 8m),
        new("JT-ZHGH", "综合交通运输规划与政策", "交通规划", 12m),
    ];
}
