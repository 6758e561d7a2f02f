using KnowledgeRenewal.Supervision.Domain.Reminders;
using KnowledgeRenewal.Supervision.UseCases.Reminders;
using MediatR;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// Reminders: everyone signed in reads their own inbox (<c>/api/inbox</c>) and marks messages read; the program office
/// and the system administrator read and change the rules and run the reminders on demand (<c>/api/reminders</c>).
/// </summary>
internal static class RemindersApi
{
    private const string Tag = "提醒 (reminders and inbox)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRemindersApi(this IEndpointRouteBuilder endpoints)
    {
        string[] managers = [.. ReminderRules.Managers];
        string[] business = [.. KnowledgeRenewal.Sdk.PlatformRoles.Business];
        var inbox = endpoints.MapGroup("/api/inbox").WithTags(Tag).RequireAuthorization(policy => policy.RequireRole(business));
        inbox.MapGet("/", (int? page, bool? unreadOnly, IMediator mediator, CancellationToken ct) => mediator.Send(new ListInbox(page ?? 1, unreadOnly ?? false), ct))
            .WithName("ListInbox")
            .WithSummary("The caller's own reminders, newest first (20 a page), with the unread count.")
            .Produces<InboxPage>();
        inbox.MapPost("/{id:guid}/read", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new MarkInboxRead(id), ct))
            .WithName("MarkInboxRead")
            .WithSummary("Marks one of the caller's reminders read. 404 supervision.inbox_not_found for another's.")
            .Produces<InboxMessageView>();

        var reminders = endpoints.MapGroup("/api/reminders").WithTags(Tag).RequireAuthorization(policy => policy.RequireRole(managers));
        reminders.MapGet("/rules", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListReminderRules(), ct))
            .WithName("ListReminderRules")
            .WithSummary("Every reminder rule (one per source: filing.due …) with whether it is sent and its lead days.")
            .Produces<IReadOnlyList<ReminderRuleView>>();
        reminders.MapPut("/rules/{key}", (string key, ReminderRuleInput body, IMediator mediator, CancellationToken ct) => mediator.Send(new SetReminderRule(key, body), ct))
            .WithName("SetReminderRule")
            .WithSummary("Changes a rule: {enabled, leadDays (0–90)}. 404 supervision.reminder_rule_not_found.")
            .Produces<ReminderRuleView>();
        reminders.MapPost("/run", (IMediator mediator, CancellationToken ct) => mediator.Send(new RunReminders(), ct))
            .WithName("RunReminders")
            .WithSummary("Runs the reminders now, as the daily run does: each reminder due is delivered once per account, rule and occasion (a repeated run delivers nothing twice).")
            .Produces<ReminderRunResult>();
        return endpoints;
    }
}
