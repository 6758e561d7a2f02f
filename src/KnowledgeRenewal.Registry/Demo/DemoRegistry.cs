using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Demo;

/// <summary>An employer the demo professionals can work for.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Credit code (orders the list, so the same database gives the same people).</param>
/// <param name="Name">Name.</param>
/// <param name="RegionCode">Region.</param>
/// <param name="DepartmentCode">Sector.</param>
internal sealed record DemoEmployerRef(Guid Id, string Code, string Name, string RegionCode, string? DepartmentCode);

/// <summary>One period of a demo professional's employment.</summary>
/// <param name="EmployerId">The employer.</param>
/// <param name="StartedOn">First day.</param>
/// <param name="EndedOn">Last day; null while current.</param>
internal sealed record DemoEmployment(Guid EmployerId, DateOnly StartedOn, DateOnly? EndedOn);

/// <summary>A demo professional before it is stored (plaintext ID number and phone: the seeder encrypts them).</summary>
/// <param name="IdNumber">A valid resident ID number.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Gender">Gender (agrees with the ID number).</param>
/// <param name="Phone">Mobile number, or null.</param>
/// <param name="RegionCode">Region (the current employer's).</param>
/// <param name="DepartmentCode">Sector (by title series).</param>
/// <param name="TitleSeries">职称系列.</param>
/// <param name="TitleLevel">职称级别.</param>
/// <param name="Specialty">专业.</param>
/// <param name="Education">最高学历.</param>
/// <param name="Status">在职, 退休 or 离职.</param>
/// <param name="Employments">History, oldest first; the last one is current.</param>
internal sealed record DemoProfessional(
    ResidentIdNumber IdNumber,
    string Name,
    Gender Gender,
    string? Phone,
    string RegionCode,
    string DepartmentCode,
    string TitleSeries,
    TitleLevel TitleLevel,
    string Specialty,
    EducationLevel Education,
    ProfessionalStatus Status,
    IReadOnlyList<DemoEmployment> Employments);

/// <summary>
/// The demo city's professionals: about <see cref="Count"/> people over the demo employers (every employer, region
/// and sector), with valid generated ID numbers (Jining division codes 3708xx, births 1960–2000, gender by the
/// sequence digit), mobile numbers of real number ranges, title series by sector (卫生技术, 中小学教师, 工程技术, 经济,
/// 会计, 农业技术 …), title levels weighted 初级 40 % / 中级 35 % / 副高级 18 % / 正高级 7 %, about 8 % with a
/// previous employer and about 3 % retired or left. Names come from Bogus zh_CN; the data is invented. The same
/// random source and employers give the same people.
/// </summary>
internal static class DemoRegistry
{
    /// <summary>How many professionals the demo city has.</summary>
    public const int Count = 6000;

    // Division codes a Jining resident's ID number starts with (incl. 市中区 370802 and 兖州市 370882 before 2013).
    private static readonly string[] Divisions = ["370811", "370812", "370826", "370827", "370828", "370829", "370830", "370831", "370832", "370881", "370883", "370802", "370882"];

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157",
        "158", "159", "166", "170", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
        "191", "198", "199",
    ];

    private static readonly TitleLevel[] Levels = [TitleLevel.Junior, TitleLevel.Intermediate, TitleLevel.AssociateSenior, TitleLevel.Senior];
    private static readonly float[] LevelWeights = [0.40f, 0.35f, 0.18f, 0.07f];

    // Title series: (series, sector or null for the employer's, specialties).
    private static readonly (string Series, string? Department, string[] Specialties) Medicine =
        ("卫生技术", Departments.Health, ["临床医学", "护理学", "药学", "医学检验技术", "医学影像技术", "中医学", "预防医学", "康复治疗学", "口腔医学", "麻醉学"]);

    private static readonly (string Series, string? Department, string[] Specialties) Teaching =
        ("中小学教师", Departments.Education, ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "道德与法治", "体育", "音乐", "美术", "信息技术"]);

    private static readonly (string Series, string? Department, string[] Specialties) VocationalTeaching =
        ("中等职业学校教师", Departments.Education, ["机电技术应用", "计算机应用", "会计事务", "汽车运用与维修", "护理", "学前教育"]);

    private static readonly (string Series, string? Department, string[] Specialties) Laboratory =
        ("实验技术", Departments.Education, ["物理实验", "化学实验", "生物实验"]);

    private static readonly (string Series, string? Department, string[] Specialties) Engineering =
        ("工程技术", null, ["机械工程", "电气工程", "土木工程", "道路与桥梁工程", "化学工程", "计算机技术", "材料工程", "自动化", "港口航道工程", "环境工程"]);

    private static readonly (string Series, string? Department, string[] Specialties) Economics =
        ("经济", Departments.Commerce, ["工商管理", "人力资源管理", "财政税收", "运输经济", "知识产权"]);

    private static readonly (string Series, string? Department, string[] Specialties) Accounting =
        ("会计", Departments.Finance, ["会计", "审计", "财务管理"]);

    private static readonly (string Series, string? Department, string[] Specialties) Agriculture =
        ("农业技术", Departments.AgricultureRural, ["农学", "植物保护", "畜牧兽医", "农产品质量安全"]);

    /// <summary>Generates the professionals over <paramref name="employers"/>; dates are up to <paramref name="today"/>.</summary>
    public static IReadOnlyList<DemoProfessional> Generate(Bogus.Faker faker, IReadOnlyList<DemoEmployerRef> employers, DateOnly today, int count = Count)
    {
        ArgumentNullException.ThrowIfNull(faker);
        ArgumentNullException.ThrowIfNull(employers);
        if (employers.Count == 0)
        {
            return [];
        }

        var ordered = employers.OrderBy(e => e.Code, StringComparer.Ordinal).ToArray();
        var weights = ordered.Select(Weight).ToArray();
        var total = weights.Sum();
        var normalized = weights.Select(w => w / total).ToArray();
        var byRegion = ordered.GroupBy(e => e.RegionCode).ToDictionary(g => g.Key, g => g.ToArray());

        // Everyone works somewhere: a few at every employer, the rest by size (hospitals and schools are larger).
        var assigned = new List<DemoEmployerRef>(count);
        var each = Math.Max(1, Math.Min(5, count / (ordered.Length * 2)));
        foreach (var employer in ordered)
        {
            assigned.AddRange(Enumerable.Repeat(employer, each));
        }

        while (assigned.Count < count)
        {
            assigned.Add(faker.Random.WeightedRandom(ordered, normalized));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<DemoProfessional>(count);
        foreach (var employer in assigned.Take(count))
        {
            people.Add(Person(faker, employer, byRegion, ordered, ids, today));
        }

        return people;
    }

    private static DemoProfessional Person(Bogus.Faker faker, DemoEmployerRef employer, Dictionary<string, DemoEmployerRef[]> byRegion, DemoEmployerRef[] all, HashSet<string> ids, DateOnly today)
    {
        var gender = faker.Random.Bool() ? Gender.Male : Gender.Female;
        var birth = new DateOnly(1960, 1, 1).AddDays(faker.Random.Int(0, new DateOnly(2000, 12, 31).DayNumber - new DateOnly(1960, 1, 1).DayNumber));
        var division = faker.Random.Int(0, 9) < 7 && employer.RegionCode.Length == 6 && employer.RegionCode != JiningReferenceData.CityCode
            ? employer.RegionCode
            : faker.PickRandom(Divisions);
        ResidentIdNumber idNumber;
        do
        {
            idNumber = ResidentIdNumberGenerator.Generate(division, birth, gender, max => faker.Random.Int(0, max - 1));
        }
        while (!ids.Add(idNumber.Value));

        var name = faker.Name.LastName() + faker.Name.FirstName(gender == Gender.Male ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female);
        var phone = faker.Random.Int(0, 99) < 92 ? faker.PickRandom(MobilePrefixes) + faker.Random.ReplaceNumbers("########") : null;

        var series = SeriesFor(faker, employer.DepartmentCode);
        var level = faker.Random.WeightedRandom(Levels, LevelWeights);
        var education = EducationFor(faker, level);
        var status = faker.Random.Int(0, 999) switch
        {
            < 15 => ProfessionalStatus.Left,
            < 115 when birth.Year <= 1965 => ProfessionalStatus.Retired,
            _ => ProfessionalStatus.Active,
        };

        // First job at 22–26, not after today; about 8 % changed employer once since.
        var firstDay = birth.AddYears(faker.Random.Int(22, 26)).AddDays(faker.Random.Int(0, 300));
        if (firstDay > today.AddDays(-60))
        {
            firstDay = today.AddDays(-faker.Random.Int(60, 400));
        }

        var employments = new List<DemoEmployment>(2);
        var moveDays = today.DayNumber - firstDay.DayNumber;
        if (faker.Random.Int(0, 99) < 8 && moveDays > 800)
        {
            var neighbours = byRegion.TryGetValue(employer.RegionCode, out var local) && local.Length > 1 ? local : all;
            var previous = faker.PickRandom(neighbours.Where(e => e.Id != employer.Id).ToArray());
            var movedOn = firstDay.AddDays(faker.Random.Int(365, moveDays - 30));
            employments.Add(new DemoEmployment(previous.Id, firstDay, movedOn.AddDays(-1)));
            employments.Add(new DemoEmployment(employer.Id, movedOn, null));
        }
        else
        {
            employments.Add(new DemoEmployment(employer.Id, firstDay, null));
        }

        return new DemoProfessional(
            idNumber,
            name,
            gender,
            phone,
            employer.RegionCode,
            series.Department ?? employer.DepartmentCode ?? Departments.HumanResourcesSocialSecurity,
            series.Series,
            level,
            faker.PickRandom(series.Specialties),
            education,
            status,
            employments);
    }

    private static (string Series, string? Department, string[] Specialties) SeriesFor(Bogus.Faker faker, string? department)
    {
        var roll = faker.Random.Int(0, 99);
        return department switch
        {
            Departments.Health => roll switch { < 86 => Medicine, < 94 => Accounting, < 97 => Economics, _ => Engineering },
            Departments.Education => roll switch { < 80 => Teaching, < 88 => VocationalTeaching, < 93 => Laboratory, _ => Accounting },
            Departments.Transport => roll switch { < 70 => Engineering, < 85 => Economics, _ => Accounting },
            _ => roll switch { < 68 => Engineering, < 80 => Economics, < 92 => Accounting, _ => Agriculture },
        };
    }

    private static EducationLevel EducationFor(Bogus.Faker faker, TitleLevel level)
    {
        var roll = faker.Random.Int(0, 99);
        return level switch
        {
            TitleLevel.Senior => roll switch { < 45 => EducationLevel.Bachelor, < 80 => EducationLevel.Master, _ => EducationLevel.Doctorate },
            TitleLevel.AssociateSenior => roll switch { < 5 => EducationLevel.Associate, < 65 => EducationLevel.Bachelor, < 93 => EducationLevel.Master, _ => EducationLevel.Doctorate },
            TitleLevel.Intermediate => roll switch { < 3 => EducationLevel.Secondary, < 20 => EducationLevel.Associate, < 78 => EducationLevel.Bachelor, _ => EducationLevel.Master },
            _ => roll switch { < 8 => EducationLevel.Secondary, < 35 => EducationLevel.Associate, < 88 => EducationLevel.Bachelor, _ => EducationLevel.Master },
        };
    }

    // Hospitals and schools employ more professionals than transport units and enterprises.
    private static float Weight(DemoEmployerRef employer) => employer.DepartmentCode switch
    {
        Departments.Health => 3f,
        Departments.Education => 2f,
        Departments.Transport => 1f,
        _ => 0.6f,
    };
}
