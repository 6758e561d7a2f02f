using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Demo;

/// <summary>
/// The demo city's expert pool: twelve experts, two of them working for registered providers, so conflicts of
/// interest show. Seeded before the demo projects (order 32), whose reviews name experts of the pool, and before the
/// inspection draw. Written through <see cref="AddExpert"/>. Idempotent: a pool that has experts is left alone.
/// </summary>
internal sealed class ExpertPoolDemoSeeder(PlatformDbContext db, IMediator mediator) : IDemoDataSeeder
{
    private static readonly (string Name, string Specialty, string Title, string Organization, string Region)[] Pool =
    [
        ("孔德明", "临床医学", "主任医师", "济宁市第一人民医院", "370811"),
        ("颜秀芳", "护理学", "主任护师", "济宁医学院附属医院", "370811"),
        ("孟庆华", "土木工程", "正高级工程师", "济宁市建筑设计研究院", "370811"),
        ("曾凡玉", "中小学教育", "正高级教师", "济宁市第一中学", "370811"),
        ("仲维国", "机械工程", "正高级工程师", "山东理工职业学院", "370883"),
        ("闵丽娟", "会计", "正高级会计师", "济宁市财政局", "370811"),
        ("端木春", "农业技术推广", "推广研究员", "济宁市农业科学研究院", "370812"),
        ("卜宪文", "交通运输工程", "正高级工程师", "济宁市公路事业发展中心", "370811"),
        ("冉晓东", "计算机科学", "教授", "曲阜师范大学", "370881"),
        ("琴书雅", "公共卫生", "主任医师", "济宁市疾病预防控制中心", "370811"),
    ];

    /// <inheritdoc />
    public string Key => "supervision.experts";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 32;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.Set<Expert>().AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var phone = 13805370100;
        foreach (var (name, specialty, title, organization, region) in Pool)
        {
            await mediator.Send(new AddExpert(new ExpertInput
            {
                Name = name, Specialty = specialty, Title = title, OrganizationName = organization, RegionCode = region, Phone = (phone++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }), cancellationToken).ConfigureAwait(false);
        }

        // Two experts work for registered providers: draws and project reviews pass them over for their own organization.
        var providers = await db.TrainingProviders.AsNoTracking().OrderBy(p => p.Code).Take(2).Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (provider, index) in providers.Select((p, i) => (p, i)))
        {
            await mediator.Send(new AddExpert(new ExpertInput
            {
                Name = index == 0 ? "鲍志强" : "乔雅琴", Specialty = index == 0 ? "继续教育管理" : "职业培训", Title = index == 0 ? "研究员" : "高级讲师",
                OrganizationId = provider, RegionCode = "370811", Phone = (phone++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }), cancellationToken).ConfigureAwait(false);
        }
    }
}
