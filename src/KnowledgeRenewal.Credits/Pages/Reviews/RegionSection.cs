using System.Security.Claims;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Pages.Reviews;

/// <summary>
/// The workbench card of a county bureau or line department: the reviews waiting for it (declarations at the
/// department's step, flagged roster records) and the share of its people meeting the requirement this year —
/// each computed by the same use case as the API.
/// </summary>
internal sealed class RegionSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 110;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user) => user.IsInRole(PlatformRoles.CountyAdmin) || user.IsInRole(PlatformRoles.DepartmentAdmin);

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var items = new List<WorkbenchItem>();
        if (user.IsInRole(PlatformRoles.DepartmentAdmin))
        {
            var declarations = await mediator.Send(new ListDeclarations(null, null, null, true, 1, 1), cancellationToken).ConfigureAwait(false);
            items.Add(new WorkbenchItem("待审核的申报", $"{declarations.Total} 条", "/declarations?awaitingMe=true", declarations.Total > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good));
        }

        var flagged = await mediator.Send(new ListCreditRecords(null, null, CreditRecordStatus.Pending, null, null, null, true, 1, 1), cancellationToken).ConfigureAwait(false);
        items.Add(new WorkbenchItem("待审核的学时记录", $"{flagged.Total} 条", "/reviews/records", flagged.Total > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
            flagged.Total > 0 ? "培训名单中被标记的记录，认定后才计入学时。" : null));

        var summary = await mediator.Send(new GetComplianceSummary(null, SummaryGrouping.Region), cancellationToken).ConfigureAwait(false);
        var total = summary.Total;
        items.Add(new WorkbenchItem($"{summary.Year} 年达标人员", total.People == 0 ? "--" : $"{total.Met} / {total.People} 人（{IndexPercent(total.ShareMet)}）", "/compliance",
            total.People > 0 && total.ShareMet < 0.5m ? WorkbenchTone.Warning : WorkbenchTone.Normal,
            total.People == 0 ? "该年度还没有达标统计。" : $"未达标 {total.NotMet} 人，进行中 {total.InProgress} 人。"));
        return new WorkbenchCard(user.IsInRole(PlatformRoles.CountyAdmin) ? "本区域待办与达标" : "本行业待办与达标", items, "/compliance", "查看达标情况");
    }

    private static string IndexPercent(decimal share) => Compliance.IndexModel.Percent(share);
}
