using System.Security.Claims;
using KnowledgeRenewal.Credits.UseCases.Operations;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Pages.Admin;

/// <summary>
/// The system administrator's card: the database, failed background work and the modules — from
/// <see cref="GetPlatformHealth"/> and <see cref="ListModules"/>, as <c>/api/admin/health</c> and <c>/api/admin/modules</c>.
/// </summary>
internal sealed class SystemSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 900;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user) => user.IsInRole(PlatformRoles.SystemAdmin);

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var health = await mediator.Send(new GetPlatformHealth(), cancellationToken).ConfigureAwait(false);
        var modules = await mediator.Send(new ListModules(IncludeDisabled: true), cancellationToken).ConfigureAwait(false);
        var db = health.Database;
        List<WorkbenchItem> items =
        [
            new("数据库", db.Ready ? $"正常（{db.Provider}）" : "不可用", "/admin/health", db.Ready ? WorkbenchTone.Good : WorkbenchTone.Warning),
            new("待执行的数据库迁移", $"{db.PendingMigrations.Count} 个", "/admin/health", db.PendingMigrations.Count > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good),
            new($"最近 {GetPlatformHealth.RecentDays} 天失败的导入", $"{health.Imports.FailedRecently} 个", "/admin/health",
                health.Imports.FailedRecently > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good),
            new("行业模块", $"已启用 {modules.Count(m => m.Enabled)} / 已安装 {modules.Count} 个", "/admin/modules"),
        ];
        return new WorkbenchCard("系统运行状况", items, "/admin/health", "查看运行状况");
    }
}
