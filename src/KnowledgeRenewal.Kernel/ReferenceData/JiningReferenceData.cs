using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.ReferenceData;

/// <summary>
/// Reference data of the base registry: Jining's regions (GB/T 2260) and the line departments of the
/// program's coordination group. Seeded into every database; names of departments only, never of people.
/// </summary>
public static class JiningReferenceData
{
    /// <summary>GB/T 2260 code of Jining city.</summary>
    public const string CityCode = "370800";

    /// <summary>The city, its 11 county-level divisions and its 3 functional zones.</summary>
    public static IReadOnlyList<Region> Regions { get; } =
    [
        City(),
        Division("370811", "任城区", RegionKind.District, 1),
        Division("370812", "兖州区", RegionKind.District, 2),
        Division("370826", "微山县", RegionKind.County, 3),
        Division("370827", "鱼台县", RegionKind.County, 4),
        Division("370828", "金乡县", RegionKind.County, 5),
        Division("370829", "嘉祥县", RegionKind.County, 6),
        Division("370830", "汶上县", RegionKind.County, 7),
        Division("370831", "泗水县", RegionKind.County, 8),
        Division("370832", "梁山县", RegionKind.County, 9),
        Division("370881", "曲阜市", RegionKind.CountyLevelCity, 10),
        Division("370883", "邹城市", RegionKind.CountyLevelCity, 11),
        Zone("370800-GX", "济宁高新区", 12),
        Zone("370800-TBH", "太白湖新区", 13),
        Zone("370800-JK", "济宁经济技术开发区", 14),
    ];

    /// <summary>The 19 line departments of the coordination group, in the appendix's order.</summary>
    public static IReadOnlyList<Department> LineDepartments { get; } =
    [
        Line(Departments.DevelopmentReform, "济宁市发展和改革委员会", "发展改革", "Development and Reform Commission"),
        Line(Departments.IndustryIt, "济宁市工业和信息化局", "工业和信息化", "Bureau of Industry and Information Technology"),
        Line(Departments.Education, "济宁市教育局", "教育", "Education Bureau"),
        Line(Departments.ScienceTechnology, "济宁市科学技术局", "科技", "Science and Technology Bureau"),
        Line(Departments.CivilAffairs, "济宁市民政局", "民政", "Civil Affairs Bureau"),
        Line(Departments.Justice, "济宁市司法局", "司法", "Justice Bureau"),
        Line(Departments.Finance, "济宁市财政局", "财政", "Finance Bureau"),
        Line(Departments.HumanResourcesSocialSecurity, "济宁市人力资源和社会保障局", "人力资源社会保障", "Human Resources and Social Security Bureau"),
        Line(Departments.NaturalResources, "济宁市自然资源和规划局", "自然资源和规划", "Natural Resources and Planning Bureau"),
        Line(Departments.HousingConstruction, "济宁市住房和城乡建设局", "住房城乡建设", "Housing and Urban-Rural Development Bureau"),
        Line(Departments.Transport, "济宁市交通运输局", "交通运输", "Transport Bureau"),
        Line(Departments.Water, "济宁市城乡水务局", "城乡水务", "Urban and Rural Water Affairs Bureau"),
        Line(Departments.AgricultureRural, "济宁市农业农村局", "农业农村", "Agriculture and Rural Affairs Bureau"),
        Line(Departments.Commerce, "济宁市商务局", "商务", "Commerce Bureau"),
        Line(Departments.CultureTourism, "济宁市文化和旅游局", "文化和旅游", "Culture and Tourism Bureau"),
        Line(Departments.Health, "济宁市卫生健康委员会", "卫生健康", "Health Commission"),
        Line(Departments.EcologyEnvironment, "济宁市生态环境局", "生态环境", "Ecology and Environment Bureau"),
        Line(Departments.MarketRegulation, "济宁市市场监督管理局", "市场监管", "Market Regulation Administration"),
        Line(Departments.FinancialRegulation, "济宁市地方金融监督管理局", "地方金融监管", "Local Financial Regulation Bureau"),
    ];

    /// <summary>The official name of a line department, or the code itself when it is unknown.</summary>
    public static string DepartmentName(string code) =>
        LineDepartments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    private static Region City() =>
        new() { Code = CityCode, GbCode = CityCode, Name = "济宁市", Kind = RegionKind.City, SortOrder = 0 };

    private static Region Division(string gbCode, string name, RegionKind kind, int order) =>
        new() { Code = gbCode, GbCode = gbCode, Name = name, Kind = kind, ParentCode = CityCode, SortOrder = order };

    private static Region Zone(string code, string name, int order) =>
        new() { Code = code, GbCode = null, Name = name, Kind = RegionKind.FunctionalZone, ParentCode = CityCode, SortOrder = order };

    private static Department Line(string code, string name, string sector, string nameEn) =>
        new() { Code = code, Name = name, Sector = sector, NameEn = nameEn, SortOrder = Departments.All.ToList().IndexOf(code) + 1 };
}
