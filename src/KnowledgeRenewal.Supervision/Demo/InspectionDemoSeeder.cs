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
/// One double-random inspection plan of the last demo year, drawn with a recorded seed from the demo pool
/// (<see cref="ExpertPoolDemoSeeder"/>), carried out and published: one finding's rectification open, one closed with
/// evidence. Written through the use cases (the same rules and audit as the pages). Idempotent: once a plan exists it
/// does nothing.
/// </summary>
internal sealed class InspectionDemoSeeder(PlatformDbContext db, IMediator mediator, TimeProvider clock) : IDemoDataSeeder
{
    /// <summary>The seed of the demo draw.</summary>
    public const long DemoSeed = 20261201;

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
        if (await db.Set<InspectionPlan>().AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var today = ProgramCalendar.Today(clock);
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
