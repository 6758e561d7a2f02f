using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Demo;

/// <summary>Topics and organizers of demo declarations, by sector (health, education, transport, the rest).</summary>
public static class DemoDeclarationTexts
{
    /// <summary>Endings of paper titles.</summary>
    public static IReadOnlyList<string> PaperSuffixes { get; } = ["的实践与思考", "的应用研究", "现状调查与对策分析", "的效果评价"];

    /// <summary>The topics of a sector.</summary>
    public static IReadOnlyList<string> Topics(string departmentCode) => departmentCode switch
    {
        Departments.Health => ["心血管病学", "呼吸与危重症医学", "消化内镜诊疗", "儿科常见病诊治", "临床护理质量管理", "急诊急救", "医学影像诊断", "基层慢病管理"],
        Departments.Education => ["初中数学单元教学", "小学语文整本书阅读", "高中物理实验教学", "英语课堂评价", "班主任工作", "信息技术与学科融合", "心理健康教育"],
        Departments.Transport => ["公路养护", "桥梁检测与加固", "智慧交通", "内河航道整治", "道路运输安全管理", "沥青路面施工"],
        _ => ["数字化转型", "财务内部控制", "农业技术推广", "工程质量管理", "安全生产管理", "知识产权保护"],
    };

    /// <summary>The organizers (or journals, issuers) of a sector's activities of <paramref name="activity"/>.</summary>
    public static IReadOnlyList<string> Organizers(string departmentCode, ActivityType activity) => (departmentCode, activity) switch
    {
        (_, ActivityType.AcademicPaper) => ["《山东医药》", "《中国农村卫生》", "《当代教育科学》", "《公路交通科技》", "《山东社会科学》"],
        (_, ActivityType.Monograph) => ["山东科学技术出版社", "山东人民出版社", "人民卫生出版社"],
        (_, ActivityType.Patent) => ["国家知识产权局"],
        (_, ActivityType.TechnicalStandard) => ["山东省市场监督管理局", "济宁市市场监督管理局"],
        (Departments.Health, _) => ["济宁市医学会", "山东省医学会", "济宁医学院附属医院", "济宁市护理学会"],
        (Departments.Education, _) => ["济宁市教育科学研究院", "山东省教育学会", "曲阜师范大学"],
        (Departments.Transport, _) => ["济宁市公路学会", "山东省交通运输厅", "山东交通学院"],
        _ => ["济宁市科学技术协会", "山东省专业技术人员管理服务中心", "济宁学院"],
    };
}
