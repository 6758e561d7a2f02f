using System.Security.Claims;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Identity.Pages.Audit;

/// <summary>The audit administrator's card: the latest chain verification, the log's extent and retention, the latest purge.</summary>
internal sealed class AuditWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user) => user?.IsInRole(PlatformRoles.AuditAdmin) == true;

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var o = await mediator.Send(new GetAuditOverview(), cancellationToken).ConfigureAwait(false);
        var verification = o.LastVerification is { } v
            ? new WorkbenchItem("最近一次校验审计链", AuditPageModel.VerificationText(v), "/audit/verify", v.Outcome == AuditOutcome.Success ? WorkbenchTone.Good : WorkbenchTone.Warning,
                $"{ChinaTime.Format(v.OccurredAt)} 由 {v.UserName ?? "平台"} 校验")
            : new WorkbenchItem("最近一次校验审计链", "尚未校验", "/audit/verify", WorkbenchTone.ToDo, "建议定期校验审计链是否完整。");
        return new WorkbenchCard(
            "审计",
            [
                verification,
                new WorkbenchItem("现存审计记录", $"{ChinaTime.Count(o.Records)} 条", "/audit", Note: o.OldestAt is { } at ? $"最早 {ChinaTime.Format(at)}" : null),
                new WorkbenchItem("保存期限", $"{o.EffectiveRetentionDays} 天", "/audit/retention",
                    Note: o.LastPurge is { } p ? $"最近清理 {ChinaTime.Format(p.OccurredAt)}，删除 {AuditPageModel.PurgedCount(p)} 条" : "还没有清理过"),
            ],
            "/audit",
            "查看审计日志");
    }
}
