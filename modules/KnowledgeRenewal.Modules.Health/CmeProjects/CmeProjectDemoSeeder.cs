using System.Globalization;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary>
/// Demo data: the CME projects a city of Jining's size registers over the program years — about 160 a year,
/// hosted by the city's hospitals and public-health institutions (organisations, never people).
/// </summary>
public sealed class CmeProjectDemoSeeder(HealthDbContext db) : IDemoDataSeeder
{
    private static readonly string[] Hosts =
    [
        "济宁医学院附属医院", "济宁市第一人民医院", "济宁市第二人民医院", "济宁市中医院", "济宁市妇幼保健院",
        "济宁市精神病防治院", "济宁市公共卫生医疗中心", "济宁市疾病预防控制中心", "济宁医学院", "济宁市急救中心",
        "兖州区人民医院", "曲阜市人民医院", "邹城市人民医院", "微山县人民医院", "鱼台县人民医院", "金乡县人民医院",
        "嘉祥县人民医院", "汶上县人民医院", "泗水县人民医院", "梁山县人民医院", "曲阜市中医院", "任城区人民医院",
    ];

    private static readonly string[] Formats = ["学习班", "培训班", "新进展研讨班", "规范化诊疗培训班", "技能培训班", "高级研修班"];

    public string Key => "health.cme-projects";

    public int Version => 1;

    public int Order => 100;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.CmeProjects.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var faker = context.Faker;
        var projects = new List<CmeProject>();
        for (var year = context.FirstYear; year <= context.LastYear; year++)
        {
            var sequence = new Dictionary<CmeLevel, int>();
            var count = faker.Random.Int(140, 180);
            for (var i = 0; i < count; i++)
            {
                var level = faker.Random.WeightedRandom([CmeLevel.National, CmeLevel.Provincial, CmeLevel.Municipal], [0.12f, 0.38f, 0.50f]);
                sequence[level] = sequence.GetValueOrDefault(level) + 1;
                var subject = faker.PickRandom(HealthCatalog.Subjects.Where(s => !s.IsRetired));
                var start = new DateOnly(year, 1, 1).AddDays(faker.Random.Int(20, 330));
                var credits = level switch
                {
                    CmeLevel.National => faker.Random.Int(4, 10),
                    CmeLevel.Provincial => faker.Random.Int(3, 8),
                    _ => faker.Random.Int(2, 5),
                };
                projects.Add(new CmeProject
                {
                    ProjectNumber = Number(level, year, sequence[level], faker.Random.Int(1, 14)),
                    Title = $"{subject.Name}{faker.PickRandom(Formats)}",
                    Level = level,
                    Year = year,
                    SubjectCode = subject.Code,
                    HostOrganization = faker.PickRandom(Hosts),
                    StartDate = start,
                    EndDate = start.AddDays(faker.Random.Int(1, 4)),
                    Credits = credits,
                    Capacity = faker.Random.Int(6, 40) * 10,
                    RegisteredAt = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(faker.Random.Int(0, 15)),
                });
            }
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.CmeProjects.AddRange(projects);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static string Number(CmeLevel level, int year, int sequence, int discipline) => level switch
    {
        CmeLevel.National => string.Create(CultureInfo.InvariantCulture, $"{year}-{discipline:00}-{sequence:000}(国)"),
        CmeLevel.Provincial => string.Create(CultureInfo.InvariantCulture, $"鲁{year}-{discipline:00}-{sequence:000}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"济{year}-{sequence:000}"),
    };
}
