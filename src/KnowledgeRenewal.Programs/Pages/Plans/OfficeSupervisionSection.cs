using System.Security.Claims;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.Pages.Plans;

/// <summary>
/// The program office's supervision card: subsidy claims waiting for a decision and approved ones waiting for their
/// payment (<see cref="CountSubsidyClaims"/>: the rows <c>GET /api/digital-engineers/subsidy-claims?status=…</c> lists, counted),
/// and the current year's plan targets short of the year's pace (<see cref="GetAnnualPlan"/>), or that the year has
/// no plan yet.
/// </summary>
internal sealed class OfficeSupervisionSection(IMediator mediator, TimeProvider clock) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 105;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.ProgramOfficeAdmin);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var counts = await mediator.Send(new CountSubsidyClaims(), cancellationToken).ConfigureAwait(false);
        var submitted = counts.GetValueOrDefault(SubsidyClaimStatus.Submitted);
        var approved = counts.GetValueOrDefault(SubsidyClaimStatus.Approved);
        var items = new List<WorkbenchItem>
        {
            new("待审核的补贴申领", $"{submitted} 笔", "/digital/claims?status=Submitted", submitted > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                submitted > 0 ? "核准或驳回数字技术工程师职业培训补贴申领。" : null),
            new("已核准、待登记发放的补贴", $"{approved} 笔", "/digital/claims?status=Approved", approved > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                approved > 0 ? "发放后登记发放凭证号。" : null),
        };

        var year = ProgramCalendar.Today(clock).Year;
        if (ProgramPeriod.Contains(year))
        {
            items.Add(await PlanItemAsync(year, cancellationToken).ConfigureAwait(false));
        }

        return new WorkbenchCard("年度计划与补贴发放", items, "/plans", "查看各年度计划");
    }

    private async Task<WorkbenchItem> PlanItemAsync(int year, CancellationToken cancellationToken)
    {
        try
        {
            var plan = (await mediator.Send(new GetAnnualPlan(year), cancellationToken).ConfigureAwait(false)).Value;
            var shortfalls = plan.Targets.Where(t => PlanPageModel.Short(t.Status)).ToList();
            var total = plan.Targets.FirstOrDefault(t => t.Kind == PlanTargetKind.Total);
            var note = total is null ? null : $"全市已培训 {PlanPageModel.Count(total.ActualTrainees)} 人，完成 {PlanPageModel.Percent(total.Percent)}（全年已过 {PlanPageModel.Percent(total.ExpectedPercent)}）。";
            return new WorkbenchItem($"{year} 年度计划未达进度的目标", $"{shortfalls.Count} 项", $"/plans/{year}",
                shortfalls.Count > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good, note);
        }
        catch (PlatformException problem) when (problem.Code == PlanProblemCodes.PlanNotFound)
        {
            return new WorkbenchItem($"{year} 年度计划", "尚未设置", $"/plans/{year}/edit", WorkbenchTone.ToDo, "设置全年目标后，这里显示完成进度。");
        }
    }
}
