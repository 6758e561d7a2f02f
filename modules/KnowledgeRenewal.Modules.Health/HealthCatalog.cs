using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Health;

/// <summary>
/// The health department's professional-subject catalog (继续医学教育专业科目目录) for doctors, nurses, pharmacists,
/// technicians and public-health staff. Codes are <c>WS-</c> plus the pinyin initials of the subject.
/// Default credit hours are multiples of 3 so a course converts to whole credits (1 学分 = 3 学时).
/// </summary>
public static class HealthCatalog
{
    /// <summary>The catalog.</summary>
    public static IReadOnlyList<SubjectDefinition> Subjects { get; } =
    [
        new("WS-LCZN", "临床诊疗指南与专家共识更新解读", "临床医学", 12m),
        new("WS-JZJJ", "急诊急救与心肺复苏技能（BLS/ACLS）", "急诊医学", 12m),
        new("WS-ZZYX", "危重症识别与重症监护治疗", "重症医学", 12m),
        new("WS-XZZX", "胸痛中心、卒中中心建设与心脑血管病规范化救治", "心脑血管病学", 12m),
        new("WS-YGFK", "医院感染预防与控制", "医院感染管理", 9m),
        new("WS-HLYY", "临床合理用药与抗菌药物科学化管理", "临床药学", 9m),
        new("WS-CFSH", "药学服务与处方审核", "药学", 9m),
        new("WS-ZKHL", "专科护理技术与护理质量提升", "护理学", 12m),
        new("WS-LNHL", "老年护理与延续性护理服务", "护理学", 9m),
        new("WS-QKYX", "全科医学与基层常见病多发病诊疗", "全科医学", 15m),
        new("WS-JTYS", "家庭医生签约服务与国家基本公共卫生服务规范", "基层卫生", 9m),
        new("WS-CRBFK", "传染病防控与突发公共卫生事件应急处置", "公共卫生", 12m),
        new("WS-MBGL", "慢性病综合防控与健康管理", "健康管理", 9m),
        new("WS-ZYSY", "中医药适宜技术推广应用", "中医学", 12m),
        new("WS-ZYJD", "中医经典与辨证论治临床应用", "中医学", 12m),
        new("WS-YXYX", "医学影像诊断新进展", "医学影像学", 12m),
        new("WS-JYZK", "临床检验质量控制与检验结果解读", "医学检验技术", 9m),
        new("WS-YLZL", "医疗质量安全核心制度与患者安全", "医疗管理", 9m),
        new("WS-YHGT", "医患沟通与医疗纠纷防范", "医学人文", 6m),
        new("WS-FYBJ", "妇幼保健与危重孕产妇、新生儿救治", "妇幼保健", 12m),
        new("WS-LNYX", "老年医学与医养结合服务", "老年医学", 9m),
        new("WS-KFYX", "康复医学与康复治疗技术", "康复医学", 12m),
        new("WS-JSWS", "精神卫生与心理健康服务", "精神卫生", 9m),
        new("WS-YXLL", "医学伦理与医德医风建设", "医学伦理学", 6m),
    ];
}
