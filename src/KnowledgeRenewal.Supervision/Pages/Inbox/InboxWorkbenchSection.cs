using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Supervision.UseCases.Reminders;
using MediatR;

namespace KnowledgeRenewal.Supervision.Pages.Inbox;

/// <summary>The inbox's workbench card: the unread count and the newest unread reminders (<see cref="ListInbox"/>); nothing when none was ever sent.</summary>
internal sealed class InboxWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 5;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return KnowledgeRenewal.Sdk.PlatformRoles.Business.Any(user.IsInRole);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var inbox = await mediator.Send(new ListInbox(1, UnreadOnly: true), cancellationToken).ConfigureAwait(false);
        if (inbox.Unread == 0)
        {
            return null;
        }

        var items = new List<WorkbenchItem> { new("未读提醒", $"{inbox.Unread} 条", "/inbox?unread=true", WorkbenchTone.ToDo) };
        items.AddRange(inbox.Items.Take(3).Select(m => new WorkbenchItem(m.Subject, $"截止 {PlatformPageModel.Day(m.DueOn)}", "/inbox?unread=true", WorkbenchTone.Warning)));
        return new WorkbenchCard("我的提醒", items, "/inbox", "查看全部提醒");
    }
}
