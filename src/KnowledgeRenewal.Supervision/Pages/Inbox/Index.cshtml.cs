using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Supervision.UseCases.Reminders;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Inbox;

/// <summary>
/// <c>/inbox</c>: the signed-in person's reminders (<see cref="ListInbox"/>, as <c>GET /api/inbox</c>), unread first in
/// bold, each marked read with a button (<see cref="MarkInboxRead"/>) or by following its link.
/// </summary>
[Authorize(Roles = KnowledgeRenewal.Sdk.PlatformRoles.ProgramOfficeAdmin + "," + KnowledgeRenewal.Sdk.PlatformRoles.CountyAdmin + "," + KnowledgeRenewal.Sdk.PlatformRoles.DepartmentAdmin + "," + KnowledgeRenewal.Sdk.PlatformRoles.ProviderStaff + "," + KnowledgeRenewal.Sdk.PlatformRoles.EmployerHr + "," + KnowledgeRenewal.Sdk.PlatformRoles.Professional)]
internal sealed class IndexModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The page (from 1).</summary>
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only unread.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    /// <summary>The messages.</summary>
    public InboxPage Inbox { get; private set; } = null!;

    /// <summary>The number of pages.</summary>
    public int Pages => Math.Max(1, (Inbox.Total + Inbox.PageSize - 1) / Inbox.PageSize);

    /// <summary>Loads the inbox.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber is < 1 or > 100_000)
        {
            return NotFound();
        }

        Inbox = await mediator.Send(new ListInbox(PageNumber, Unread), cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>Marks a message read, then opens its link (<paramref name="open"/>) or returns to the list.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id, bool open, CancellationToken cancellationToken)
    {
        var message = await mediator.Send(new MarkInboxRead(id), cancellationToken).ConfigureAwait(false);
        if (open && message.Link.StartsWith('/') && !message.Link.StartsWith("//", StringComparison.Ordinal))
        {
            return LocalRedirect(message.Link);
        }

        return DoneAndRedirect($"/inbox?page={PageNumber}&unread={Unread}", "已标记为已读。");
    }
}
