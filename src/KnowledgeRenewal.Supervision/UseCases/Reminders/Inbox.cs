using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>One message of the caller's inbox.</summary>
/// <param name="Id">The message.</param>
/// <param name="Rule">The rule that produced it.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Body">The text.</param>
/// <param name="Link">Where to act.</param>
/// <param name="DueOn">The deadline.</param>
/// <param name="CreatedAt">Delivered (UTC).</param>
/// <param name="ReadAt">Read (UTC), if read.</param>
internal sealed record InboxMessageView(Guid Id, string Rule, string Subject, string Body, string Link, DateOnly DueOn, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>The caller's inbox, newest first, paged, with the unread count.</summary>
/// <param name="Page">The page (from 1).</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Unread">Unread messages in all.</param>
/// <param name="Total">Messages in all.</param>
/// <param name="Items">This page.</param>
internal sealed record InboxPage(int Page, int PageSize, int Unread, int Total, IReadOnlyList<InboxMessageView> Items);

/// <summary>The caller's own inbox (only their own messages, whatever their role).</summary>
/// <param name="Page">The page (from 1).</param>
/// <param name="UnreadOnly">Only unread messages.</param>
internal sealed record ListInbox(int Page = 1, bool UnreadOnly = false) : IRequest<InboxPage>
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;
}

/// <summary>Checks the page.</summary>
internal sealed class ListInboxValidator : AbstractValidator<ListInbox>
{
    /// <summary>Creates the validator.</summary>
    public ListInboxValidator() =>
        RuleFor(l => l.Page).InclusiveBetween(1, 100_000).OverridePropertyName("page").WithErrorCode("out_of_range").WithMessage("页码应在 1 至 100000 之间。");
}

/// <summary>Handles <see cref="ListInbox"/>.</summary>
internal sealed class ListInboxHandler(PlatformDbContext db) : IRequestHandler<ListInbox, InboxPage>
{
    /// <inheritdoc />
    public async Task<InboxPage> Handle(ListInbox request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = db.InboxMessages.AsNoTracking();
        var unread = await all.CountAsync(m => m.ReadAt == null, cancellationToken).ConfigureAwait(false);
        var shown = request.UnreadOnly ? all.Where(m => m.ReadAt == null) : all;
        var total = await shown.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await shown.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((request.Page - 1) * ListInbox.PageSize).Take(ListInbox.PageSize)
            .Select(m => new InboxMessageView(m.Id, m.Rule, m.Subject, m.Body, m.Link, m.DueOn, m.CreatedAt, m.ReadAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new InboxPage(request.Page, ListInbox.PageSize, unread, total, items);
    }
}

/// <summary>The caller marks one of their messages read (404 for another's); marking again changes nothing.</summary>
/// <param name="Id">The message.</param>
internal sealed record MarkInboxRead(Guid Id) : IRequest<InboxMessageView>;

/// <summary>Handles <see cref="MarkInboxRead"/>.</summary>
internal sealed class MarkInboxReadHandler(PlatformDbContext db, [FromKeyedServices(DeadlineClock.Key)] TimeProvider clock) : IRequestHandler<MarkInboxRead, InboxMessageView>
{
    /// <inheritdoc />
    public async Task<InboxMessageView> Handle(MarkInboxRead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var m = await db.InboxMessages.FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new Sdk.PlatformException("supervision.inbox_not_found", 404, "找不到这条提醒", "这条提醒不存在，或不是发给您的。");
        if (m.ReadAt is null)
        {
            m.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new InboxMessageView(m.Id, m.Rule, m.Subject, m.Body, m.Link, m.DueOn, m.CreatedAt, m.ReadAt);
    }
}
