using System.Security.Claims;
using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Identity.UseCases.Clients;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Identity.Pages.Admin;

/// <summary>The security administrator's card: accounts disabled, locked out and waiting for their first password change; integrator clients.</summary>
internal sealed class SecurityWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user) => user?.IsInRole(PlatformRoles.SecurityAdmin) == true;

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var counts = await mediator.Send(new CountAccountStates(), cancellationToken).ConfigureAwait(false);
        var clients = await mediator.Send(new ListClients(), cancellationToken).ConfigureAwait(false);
        return new WorkbenchCard(
            "账号与安全",
            [
                new WorkbenchItem("账号总数", $"{ChinaTime.Count(counts.Total)} 个", "/admin/accounts"),
                new WorkbenchItem("当前被锁定的账号", $"{counts.LockedOut} 个", "/admin/accounts", counts.LockedOut > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good,
                    counts.LockedOut > 0 ? "连续登录失败被锁定；核实身份后可重置密码解除锁定。" : null),
                new WorkbenchItem("已停用的账号", $"{counts.Disabled} 个", "/admin/accounts?state=disabled"),
                new WorkbenchItem("待修改一次性密码的账号", $"{counts.MustChangePassword} 个", "/admin/accounts?state=enabled", counts.MustChangePassword > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Normal),
                new WorkbenchItem("对接系统", $"{clients.Count} 个", "/admin/clients"),
            ],
            "/admin/accounts",
            "进入账号管理");
    }
}
