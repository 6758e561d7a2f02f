using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Demo;

/// <summary>One demo organization before it is stored.</summary>
/// <param name="Code">Unified social credit code (GB 32100).</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Type">Provider, base or employer.</param>
/// <param name="RegionCode">Region; the city (370800) for city-level bodies.</param>
/// <param name="DepartmentCode">Sector, where one applies.</param>
public sealed record DemoOrganization(string Code, string Name, OrganizationType Type, string RegionCode, string? DepartmentCode)
{
    /// <summary>Public or non-public (employers).</summary>
    public Ownership Ownership { get; init; } = Ownership.Public;

    /// <summary>What kind of provider (providers).</summary>
    public ProviderKind ProviderKind { get; init; } = ProviderKind.TrainingInstitution;
}

/// <summary>A demo base designation of a demo provider.</summary>
/// <param name="ProviderName">The designated provider.</param>
/// <param name="Name">The base's name.</param>
/// <param name="Level">Designation level.</param>
/// <param name="DesignatedOn">Designation date.</param>
public sealed record DemoBase(string ProviderName, string Name, BaseLevel Level, DateOnly DesignatedOn);

/// <summary>
/// The demo city's training providers, continuing-education bases and employers — names of organizations only,
/// never of people. Institution names follow the kinds of institution Jining has (universities, vocational
/// colleges, technician and health schools, training centres, associations, public hospitals and schools, county
/// transport units, enterprises of the six key industries); the codes are generated, valid GB 32100 codes, and the
/// data is demo data, not a register. The same random source gives the same list.
/// </summary>
public static class DemoOrganizations
{
    /// <summary>The training provider the demo provider-staff account belongs to.</summary>
    public const string DemoProvider = DemoAccounts.ProviderOrganization;

    /// <summary>The employer the demo HR and professional accounts belong to.</summary>
    public const string DemoEmployer = DemoAccounts.EmployerOrganization;

    private const string City = JiningReferenceData.CityCode;

    // Training providers: (name, region, sector, registration authority + category of the code).
    private static readonly (string Name, string Region, string? Department, string Kind)[] Providers =
    [
        (DemoProvider, "370800-TBH", Departments.Health, "12"),
        ("济宁学院", "370881", Departments.Education, "12"),
        ("曲阜师范大学", "370881", Departments.Education, "12"),
        ("山东理工职业学院", City, Departments.IndustryIt, "12"),
        ("济宁职业技术学院", City, Departments.Education, "12"),
        ("济宁技师学院", City, Departments.HumanResourcesSocialSecurity, "12"),
        ("山东省济宁卫生学校", City, Departments.Health, "12"),
        ("中共济宁市委党校", City, null, "12"),
        ("济宁市卫生健康培训中心", City, Departments.Health, "12"),
        ("济宁市建设工程培训中心", City, Departments.HousingConstruction, "12"),
        ("济宁市交通运输培训中心", City, Departments.Transport, "12"),
        ("济宁市数字技术工程师培训中心", City, Departments.IndustryIt, "12"),
        ("济宁市医学会", City, Departments.Health, "51"),
        ("济宁市会计学会", City, Departments.Finance, "51"),
        ("兖州区专业技术人员继续教育培训中心", "370812", null, "12"),
        ("邹城市专业技术人员继续教育培训中心", "370883", null, "12"),
    ];

    /// <summary>The demo bases: designations of demo providers (a base is a provider's designation, not an organization).</summary>
    public static IReadOnlyList<DemoBase> Bases { get; } =
    [
        new(DemoProvider, "山东省专业技术人员继续教育基地（济宁医学院）", BaseLevel.Provincial, new DateOnly(2021, 6, 18)),
        new("曲阜师范大学", "济宁市专业技术人员继续教育基地（曲阜师范大学）", BaseLevel.Municipal, new DateOnly(2023, 9, 1)),
        new("山东理工职业学院", "济宁市专业技术人员继续教育基地（山东理工职业学院）", BaseLevel.Municipal, new DateOnly(2023, 9, 1)),
        new("济宁技师学院", "济宁市专业技术人员继续教育基地（济宁技师学院）", BaseLevel.Municipal, new DateOnly(2024, 5, 20)),
    ];

    // City-level public employers (parent: the program office).
    private static readonly (string Name, string Department)[] CityEmployers =
    [
        ("济宁医学院附属医院", Departments.Health), (DemoEmployer, Departments.Health), ("济宁市第二人民医院", Departments.Health),
        ("济宁市中医院", Departments.Health), ("济宁市妇幼保健院", Departments.Health), ("济宁市精神病防治院", Departments.Health),
        ("济宁市公共卫生医疗中心", Departments.Health), ("济宁市疾病预防控制中心", Departments.Health), ("济宁市急救中心", Departments.Health),
        ("济宁市第一中学", Departments.Education), ("济宁市育才中学", Departments.Education), ("济宁市第十三中学", Departments.Education),
        ("济宁市实验初级中学", Departments.Education), ("济宁市特殊教育学校", Departments.Education),
        ("济宁市公路事业发展中心", Departments.Transport), ("济宁市港航事业发展中心", Departments.Transport),
        ("济宁市交通运输综合执法支队", Departments.Transport),
    ];

    // Public employers every county-level division has ({0} = the division's name).
    private static readonly (string Pattern, string Department)[] CountyEmployers =
    [
        ("{0}人民医院", Departments.Health), ("{0}中医院", Departments.Health), ("{0}妇幼保健院", Departments.Health),
        ("{0}疾病预防控制中心", Departments.Health),
        ("{0}第一中学", Departments.Education), ("{0}第二中学", Departments.Education), ("{0}实验小学", Departments.Education),
        ("{0}职业中等专业学校", Departments.Education),
        ("{0}交通运输局公路事业发展中心", Departments.Transport), ("{0}交通运输综合行政执法大队", Departments.Transport),
    ];

    // Public employers of the functional zones.
    private static readonly (string Pattern, string Department)[] ZoneEmployers =
    [
        ("{0}社区卫生服务中心", Departments.Health), ("{0}实验学校", Departments.Education),
    ];

    // The six key industries of the program (seed 二): name fragments of their enterprises.
    private static readonly string[][] Industries =
    [
        ["重工机械", "智能装备", "工程机械", "液压科技", "精密制造", "数控机床", "矿山装备", "动力科技"],
        ["化工", "精细化工", "化学", "煤化工", "化工科技", "新型建材化工"],
        ["新能源科技", "光伏科技", "储能科技", "氢能科技", "风电设备", "电力科技"],
        ["信息技术", "软件科技", "数据科技", "网络科技", "电子科技", "物联网科技"],
        ["新材料", "碳材料", "高分子材料", "复合材料", "纤维科技", "特种材料"],
        ["药业", "生物制药", "医疗器械", "生物科技", "制药", "医药科技"],
    ];

    private static readonly string[] Brands =
    [
        "华", "鲁", "泰", "恒", "鑫", "瑞", "宏", "嘉", "通", "达", "润", "丰", "汇", "远", "博", "德", "信", "安", "康",
        "源", "圣", "运", "河", "岳", "峰", "正", "和", "兴", "盛", "隆", "昌", "辰", "宇", "元", "新", "海", "金", "银",
    ];

    private static readonly string[] Suffixes = ["有限公司", "股份有限公司", "有限公司", "集团有限公司", "有限责任公司"];

    /// <summary>Enterprises of the key industries to generate.</summary>
    public const int EnterpriseCount = 170;

    /// <summary>The demo organizations, generated from <paramref name="faker"/> (same seed, same list; codes unique).</summary>
    public static IReadOnlyList<DemoOrganization> Generate(Bogus.Faker faker)
    {
        ArgumentNullException.ThrowIfNull(faker);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<DemoOrganization>();

        void Add(string name, OrganizationType type, string region, string? department, string kind, Ownership ownership = Ownership.Public)
        {
            if (!names.Add(name))
            {
                return;
            }

            string code;
            do
            {
                code = UnifiedSocialCreditCode.Generate(kind[0], kind[1], DivisionOf(region), max => faker.Random.Int(0, max - 1)).Value;
            }
            while (!codes.Add(code));

            list.Add(new DemoOrganization(code, name, type, region, department)
            {
                Ownership = ownership,
                ProviderKind = name switch
                {
                    _ when name.EndsWith("大学", StringComparison.Ordinal) || name.EndsWith("学院", StringComparison.Ordinal) || name.EndsWith("学校", StringComparison.Ordinal) => ProviderKind.University,
                    _ when name.EndsWith('会') => ProviderKind.Association,
                    _ => ProviderKind.TrainingInstitution,
                },
            });
        }

        foreach (var (name, region, department, kind) in Providers)
        {
            Add(name, OrganizationType.TrainingProvider, region, department, kind);
        }

        foreach (var (name, department) in CityEmployers)
        {
            Add(name, OrganizationType.Employer, City, department, "12");
        }

        foreach (var region in JiningReferenceData.Regions.Where(r => r.Kind != RegionKind.City).OrderBy(r => r.SortOrder))
        {
            var patterns = region.Kind == RegionKind.FunctionalZone ? ZoneEmployers : CountyEmployers;
            foreach (var (pattern, department) in patterns)
            {
                Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, region.Name), OrganizationType.Employer, region.Code, department, "12");
            }
        }

        // Enterprises: more of them in the functional zones (where the industrial parks are) than in the counties.
        var divisions = JiningReferenceData.Regions.Where(r => r.Kind != RegionKind.City).OrderBy(r => r.SortOrder).ToArray();
        var raw = divisions.Select(r => r.Kind == RegionKind.FunctionalZone ? 3f : 1f).ToArray();
        var weights = raw.Select(w => w / raw.Sum()).ToArray(); // Bogus expects weights that sum to 1
        var enterprises = 0;
        while (enterprises < EnterpriseCount)
        {
            var region = faker.Random.WeightedRandom(divisions, weights);
            var industry = faker.Random.Int(0, Industries.Length - 1);
            var prefix = faker.Random.Int(0, 9) switch
            {
                < 4 => "济宁",
                < 6 => "山东",
                _ => ShortName(region),
            };
            var name = prefix + faker.PickRandom(Brands) + faker.PickRandom(Brands) + faker.PickRandom(Industries[industry]) + faker.PickRandom(Suffixes);
            var before = list.Count;
            Add(name, OrganizationType.Employer, region.Code, Departments.IndustryIt, "91", Ownership.NonPublic);
            enterprises += list.Count - before;
        }

        return list;
    }

    /// <summary>The GB/T 2260 code a region's organizations are registered under (zones: the city).</summary>
    public static string DivisionOf(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        return regionCode.Length == 6 ? regionCode : City;
    }

    // 任城区 → 任城, 曲阜市 → 曲阜; enterprises in the functional zones are named after the city.
    private static string ShortName(Region region) =>
        region.Kind == RegionKind.FunctionalZone ? "济宁" : region.Name[..^1];
}
