namespace KnowledgeRenewal.Supervision.Domain;

/// <summary>
/// One kind of deadline reminders (the December 10 filing, workflow steps nearing their deadline, notice periods
/// ending, rectifications and complaints due, professionals short of their hours): given today and its rule's lead
/// time, the reminders due now. The reminder job asks every source (found by assembly scanning), sends each reminder
/// once per recipient and occasion, and records it; the rules (enabled, lead time) are data.
/// </summary>
public interface IReminderSource
{
    /// <summary>The rule's stable key (e.g. <c>filing.due</c>, <c>complaint.due</c>).</summary>
    string Rule { get; }

    /// <summary>The rule's name for people (Chinese).</summary>
    string Label { get; }

    /// <summary>The reminders due on <paramref name="today"/> (China time) for deadlines within <paramref name="leadDays"/> days (or passed).</summary>
    Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, int leadDays, CancellationToken cancellationToken);
}

/// <summary>Who a reminder goes to: one account, or every account of an organization holding a role.</summary>
/// <param name="UserId">One account.</param>
/// <param name="OrganizationId">An organization (with <paramref name="Role"/>: its accounts holding the role).</param>
/// <param name="Role">A role key (see the platform's roles), with <paramref name="OrganizationId"/>.</param>
public sealed record ReminderRecipient(Guid? UserId, Guid? OrganizationId = null, string? Role = null);

/// <summary>A reminder due.</summary>
/// <param name="Rule">The rule that produced it.</param>
/// <param name="Occasion">What it is about, stable (e.g. <c>filing:{baseId}:2026</c>): a recipient gets one reminder per rule and occasion.</param>
/// <param name="Recipient">Who gets it.</param>
/// <param name="Subject">The subject line (Chinese).</param>
/// <param name="Body">The text (Chinese, people's words).</param>
/// <param name="Link">Where on the workbench to act (a local path).</param>
/// <param name="DueOn">The deadline (China time).</param>
public sealed record DueReminder(string Rule, string Occasion, ReminderRecipient Recipient, string Subject, string Body, string Link, DateOnly DueOn);
