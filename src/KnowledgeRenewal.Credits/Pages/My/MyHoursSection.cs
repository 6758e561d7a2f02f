using System.Globalization;
using System.Security.Claims;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Pages.My;

/// <summary>
/// The professional's card on the workbench: this year's progress against the requirement in force and what is still
/// missing, from the same compliance use case as <c>/my/hours</c> and the API.
/// </summary>
internal sealed class MyHoursSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 100;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.Professional);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return new WorkbenchCard("我的学时", [new WorkbenchItem("您的账号还没有关联专业技术人员信息", null, Note: "请联系所在单位的人事部门登记。")]);
        }

        var compliance = await mediator.Send(new ExplainCompliance(id, null), cancellationToken).ConfigureAwait(false);
        var period = compliance.Cycle.Years == 1 ? $"{compliance.Cycle.Label} 年度" : $"{compliance.Cycle.Label} 周期";
        var items = new List<WorkbenchItem>();
        if (compliance.RuleSet is null)
        {
            items.Add(new WorkbenchItem(period, compliance.StatusLabel, "/my/hours", WorkbenchTone.Normal, "没有适用于您所在行业的学时规则。"));
        }
        else
        {
            var tone = compliance.Status == ComplianceStatus.Met ? WorkbenchTone.Good : WorkbenchTone.Warning;
            var progress = $"{HoursModel.Number(compliance.Counted.Value)} / {HoursModel.Number(compliance.Required.Value)} {compliance.Required.Unit}";
            items.Add(new WorkbenchItem($"{period}学时（{compliance.StatusLabel}）", progress, "/my/hours", tone,
                compliance.Missing.Count == 0 ? "本周期的学时要求已经全部满足。" : string.Join("；", compliance.Missing)));
        }

        foreach (var bucket in compliance.Buckets.Where(b => b.Minimum is not null))
        {
            var value = string.Create(CultureInfo.InvariantCulture, $"{HoursModel.Number(bucket.Counted.Value)} / {HoursModel.Number(bucket.Minimum!.Value)} {bucket.Counted.Unit}");
            items.Add(new WorkbenchItem(bucket.Label, value, null, bucket.Shortfall.Value > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good));
        }

        return new WorkbenchCard("我的学时", items, "/my/hours", "查看我的学时和记录");
    }
}
