namespace KnowledgeRenewal.Supervision.Domain.Reminders;

/// <summary>
/// A reminder rule as data (提醒规则): whether reminders of a source (<see cref="IReminderSource.Rule"/>) are sent and
/// how many days before the deadline. A source without a row is sent with <see cref="ReminderRules.DefaultLeadDays"/>.
/// </summary>
public sealed class ReminderRule
{
    /// <summary>The rule's key (e.g. <c>filing.due</c>).</summary>
    public required string Key { get; init; }

    /// <summary>Whether its reminders are sent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before the deadline the reminder is sent (0: on the day).</summary>
    public int LeadDays { get; set; } = ReminderRules.DefaultLeadDays;

    /// <summary>When changed last (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who changed it last.</summary>
    public string? UpdatedByName { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A reminder delivered to one account's inbox (站内提醒) — at most one per account, rule and occasion (a unique row:
/// a run that is repeated, or resumed after a crash, sends nothing twice).
/// </summary>
public sealed class InboxMessage
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The recipient.</summary>
    public Guid UserId { get; init; }

    /// <summary>The rule that produced it.</summary>
    public required string Rule { get; init; }

    /// <summary>What it is about (see <see cref="DueReminder.Occasion"/>).</summary>
    public required string Occasion { get; init; }

    /// <summary>The subject.</summary>
    public required string Subject { get; init; }

    /// <summary>The text.</summary>
    public required string Body { get; init; }

    /// <summary>Where to act (a local path).</summary>
    public required string Link { get; init; }

    /// <summary>The deadline.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>When it was delivered (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When the recipient read it (UTC), if they did.</summary>
    public DateTime? ReadAt { get; set; }

    /// <summary>When it was also e-mailed to the recipient's address (UTC), once sent; empty while not (yet) sent.</summary>
    public DateTime? MailedAt { get; set; }

    /// <summary>Failed attempts to e-mail it (a failed send is tried again on the next run, up to <see cref="ReminderRules.MaxMailAttempts"/>).</summary>
    public int MailAttempts { get; set; }
}

/// <summary>The reminder rules' limits and who manages them.</summary>
public static class ReminderRules
{
    /// <summary>Lead days of a rule without a row.</summary>
    public const int DefaultLeadDays = 7;

    /// <summary>Longest lead time.</summary>
    public const int MaxLeadDays = 90;

    /// <summary>Longest key, subject, occasion and link.</summary>
    public const int KeyLength = 64;

    /// <summary>Longest occasion.</summary>
    public const int OccasionLength = 160;

    /// <summary>Longest subject.</summary>
    public const int SubjectLength = 200;

    /// <summary>Longest text.</summary>
    public const int BodyLength = 1000;

    /// <summary>Failed e-mail attempts after which a reminder is no longer e-mailed (it stays in the inbox).</summary>
    public const int MaxMailAttempts = 5;

    /// <summary>Longest link.</summary>
    public const int LinkLength = 300;

    /// <summary>Who edits the rules and runs the reminders on demand.</summary>
    public static IReadOnlyList<string> Managers { get; } = [Sdk.PlatformRoles.ProgramOfficeAdmin, Sdk.PlatformRoles.SystemAdmin];

    /// <summary>The day a deadline's reminder becomes due: <paramref name="leadDays"/> before it.</summary>
    public static bool IsDue(DateOnly today, DateOnly deadline, int leadDays) => today >= deadline.AddDays(-leadDays);
}
