using System.Security.Claims;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>
/// The provider's card on the workbench: classes to finish, finished classes still without a roster, roster records
/// flagged for review — counted by <see cref="GetClassToDos"/> within the caller's scope.
/// </summary>
internal sealed class ClassesWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 300;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.ProviderStaff);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var todo = await mediator.Send(new GetClassToDos(), cancellationToken).ConfigureAwait(false);
        var year = DateTime.UtcNow.Year;
        return new WorkbenchCard("培训班次",
        [
            new WorkbenchItem("已过结业日期、待办理结业的班次", $"{todo.AwaitingFinish} 个", "/classes?status=计划中",
                todo.AwaitingFinish > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good, todo.AwaitingFinish > 0 ? "结业后才能上传学员名单。" : null),
            new WorkbenchItem("已结业、待上传学员名单的班次", $"{todo.AwaitingRoster} 个", "/classes?status=已结业",
                todo.AwaitingRoster > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good, todo.AwaitingRoster > 0 ? "上传名单后学员才获得学时。" : null),
            new WorkbenchItem("名单中标记待审核的学员", $"{todo.FlaggedPending} 条", "/classes?status=已结业",
                todo.FlaggedPending > 0 ? WorkbenchTone.Warning : WorkbenchTone.Good, todo.FlaggedPending > 0 ? "与其他机构同期班次冲突，由人社部门审核。" : null),
            new WorkbenchItem("计划中的班次", $"{todo.Planned} 个", $"/classes?year={year}"),
        ], "/classes", "进入班次管理");
    }
}
