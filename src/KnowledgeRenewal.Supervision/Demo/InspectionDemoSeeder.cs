using System.Text;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Demo;

/// <summary>
/// The demo city's expert pool (twelve experts, some working for registered providers, so conflicts of interest show)
/// and one double-random inspection plan of the last demo year, drawn with a recorded seed, carried out and published:
/// one finding's rectification open, one closed with evidence. Written through the use cases (the same rules and
/// audit as the pages). Idempotent: a pool that has experts is left alone.
/// </summary>
internal sealed class InspectionDemoSeeder(PlatformDbContext db, IMediator mediator, TimeProvider clock) : IDemoDataSeeder
{
    /// <summary>The seed of the demo draw.</summary>
    public const long DemoSeed = 20261201;

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
    public string Key => "supervision.inspections";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 400;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.Set<Expert>().AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var today = ProgramCalendar.Today(clock);
        var phone = 13805370100;
        foreach (var (name, specialty, title, organization, region) in Pool)
        {
            await mediator.Send(new AddExpert(new ExpertInput
            {
                Name = name, Specialty = specialty, Title = title, OrganizationName = organization, RegionCode = region, Phone = (phone++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }), cancellationToken).ConfigureAwait(false);
        }

        // Two experts work for registered providers: the draw passes them over for their own organization.
        var providers = await db.TrainingProviders.AsNoTracking().OrderBy(p => p.Code).Take(2).Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (provider, index) in providers.Select((p, i) => (p, i)))
        {
            await mediator.Send(new AddExpert(new ExpertInput
            {
                Name = index == 0 ? "鲍志强" : "乔雅琴", Specialty = index == 0 ? "继续教育管理" : "职业培训", Title = index == 0 ? "研究员" : "高级讲师",
                OrganizationId = provider, RegionCode = "370811", Phone = (phone++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }), cancellationToken).ConfigureAwait(false);
        }

        var year = Math.Min(context.LastYear, today.Year);
        var plan = await mediator.Send(new CreateInspectionPlan(new InspectionPlanInput
        {
            Year = year,
            Title = $"{year}年度专业技术人员继续教育双随机抽查",
            InspectorsPerObject = 2,
            Quotas =
            [
                new QuotaInput { Kind = SupervisedObjectKind.Project, Count = 2 },
                new QuotaInput { Kind = SupervisedObjectKind.Class, Count = 4 },
                new QuotaInput { Kind = SupervisedObjectKind.Base, Count = 1 },
                new QuotaInput { Kind = SupervisedObjectKind.Provider, SharePercent = 20 },
            ],
            Weights = new Dictionary<string, decimal> { [InspectionRules.OverlapFlagsKey] = 2m, [InspectionRules.LowCompletionKey] = 1m },
        }), cancellationToken).ConfigureAwait(false);
        var drawn = await mediator.Send(new DrawInspectionPlan(plan.Value.Id, EntityTag.Format(plan.Stamp), DemoSeed), cancellationToken).ConfigureAwait(false);

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% 演示佐证材料\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        foreach (var row in drawn.Value.Inspections)
        {
            var inspection = await mediator.Send(new GetInspection(row.Id), cancellationToken).ConfigureAwait(false);
            var issues = row.Rank <= 2;
            await mediator.Send(new RecordInspectionResult(row.Id, EntityTag.Format(inspection.Stamp), new InspectionResultInput
            {
                InspectedOn = today.AddDays(-20 + row.Rank),
                Conclusion = issues ? InspectionConclusion.IssuesFound : InspectionConclusion.NoIssues,
                Summary = issues
                    ? "查阅培训方案、签到表、学时登记和经费凭证，现场抽查学员，发现部分问题，已当场反馈。"
                    : "查阅培训方案、签到表、学时登记和经费凭证，现场抽查学员，未发现问题。",
            }), cancellationToken).ConfigureAwait(false);
            if (!issues)
            {
                continue;
            }

            var finding = await mediator.Send(new RecordFinding(row.Id, new FindingInput
            {
                Text = row.Rank == 1 ? "部分学员签到记录与学时登记不一致，存在同一时段重复登记学时的情况。" : "培训教材未按备案课程目录使用，课程资料未归档。",
                RequiresRectification = true,
                DueOn = today.AddDays(row.Rank == 1 ? 30 : 10),
            }, [new EvidenceUpload("现场检查记录.pdf", pdf)]), cancellationToken).ConfigureAwait(false);
            if (row.Rank == 2)
            {
                await mediator.Send(new CloseRectification(finding.Value.Id, EntityTag.Format(finding.Stamp), "已补充课程资料并归档，教材改用备案课程目录中的教材。",
                    [new EvidenceUpload("整改报告.pdf", pdf)]), cancellationToken).ConfigureAwait(false);
            }
        }

        var current = await mediator.Send(new GetInspectionPlan(plan.Value.Id), cancellationToken).ConfigureAwait(false);
        if (current.Value.Inspections.Count > 0)
        {
            await mediator.Send(new PublishInspectionResults(plan.Value.Id, EntityTag.Format(current.Stamp)), cancellationToken).ConfigureAwait(false);
        }
    }
}
