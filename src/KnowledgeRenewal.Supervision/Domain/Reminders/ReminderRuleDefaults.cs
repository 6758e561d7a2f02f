namespace KnowledgeRenewal.Supervision.Domain.Reminders;

/// <summary>The lead days each reminder rule starts with (seeded once as its row; the program office changes them there).</summary>
public static class ReminderRuleDefaults
{
    private static readonly Dictionary<string, int> Defaults = new(StringComparer.Ordinal)
    {
        ["filing.due"] = 7,
        ["project.step_due"] = 3,
        ["notice.ending"] = 2,
        ["complaint.due"] = 3,
        ["rectification.due"] = 7,
        ["hours.short"] = 0,
    };

    /// <summary>The starting lead days of <paramref name="key"/> (<see cref="ReminderRules.DefaultLeadDays"/> for a rule not listed).</summary>
    public static int LeadDays(string key) => Defaults.GetValueOrDefault(key, ReminderRules.DefaultLeadDays);
}
