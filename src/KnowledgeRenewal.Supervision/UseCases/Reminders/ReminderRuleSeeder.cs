using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>
/// Seeds one <see cref="ReminderRule"/> row per reminder source on start-up (every deployment), with its default lead
/// days (<see cref="ReminderRuleDefaults"/>), where none exists yet: the rules are data the program office reads and
/// changes from the start. A row already there (changed or not) is never touched.
/// </summary>
internal sealed class ReminderRuleSeeder(PlatformDbContext db, IEnumerable<IReminderSource> sources, TimeProvider clock) : IStartupStep
{
    /// <inheritdoc />
    public string Name => "supervision.reminder-rules";

    /// <inheritdoc />
    public int Order => 25;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var existing = await db.ReminderRules.Select(r => r.Key).ToListAsync(cancellationToken).ConfigureAwait(false);
        var added = false;
        foreach (var key in sources.Select(s => s.Rule).Distinct(StringComparer.Ordinal).Except(existing, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            db.ReminderRules.Add(new ReminderRule { Key = key, Enabled = true, LeadDays = ReminderRuleDefaults.LeadDays(key), UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedByName = "系统初始设置" });
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
