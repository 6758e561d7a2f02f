namespace KnowledgeRenewal.Supervision.UseCases;

/// <summary>
/// The clock of supervision's deadlines (the filing's due date, reminders): the platform's <see cref="TimeProvider"/>,
/// registered under <see cref="Key"/> so that a test (or a drill) can set "today" for the deadlines alone without
/// moving sign-in and token lifetimes.
/// </summary>
internal static class DeadlineClock
{
    /// <summary>The keyed service's key.</summary>
    public const string Key = "supervision.deadlines";
}
