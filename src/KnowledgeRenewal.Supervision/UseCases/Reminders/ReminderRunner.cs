using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>What one run did: reminders found due, delivered now, and already delivered before.</summary>
/// <param name="Today">The day run for (China time).</param>
/// <param name="Due">Reminders due (per recipient account).</param>
/// <param name="Delivered">Delivered by this run.</param>
/// <param name="AlreadyDelivered">Delivered by an earlier run (not sent again).</param>
/// <param name="Mailed">E-mailed by this run (delivered now or earlier and not yet mailed; 0 without an SMTP server).</param>
/// <param name="MailFailed">E-mails that failed (tried again on the next run).</param>
internal sealed record ReminderRunResult(DateOnly Today, int Due, int Delivered, int AlreadyDelivered, int Mailed = 0, int MailFailed = 0);

/// <summary>
/// Runs the reminders: asks every <see cref="IReminderSource"/> (its rule enabled; its lead days from the rule's row)
/// for the reminders due today, resolves each recipient to accounts (one account, or an organization's enabled
/// accounts holding a role), and delivers each to an inbox once per account, rule and occasion — the unique row is
/// the record, so a repeated run or one resumed after a crash delivers nothing twice. Reads city-wide.
/// </summary>
internal sealed partial class ReminderRunner(PlatformDbContext db, IEnumerable<IReminderSource> sources, [FromKeyedServices(DeadlineClock.Key)] TimeProvider clock, ILogger<ReminderRunner> logger)
{
    /// <summary>Runs every enabled rule for today.</summary>
    public async Task<ReminderRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var rules = await db.ReminderRules.AsNoTracking().ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        int due = 0, delivered = 0, already = 0;
        foreach (var source in sources.OrderBy(s => s.Rule, StringComparer.Ordinal))
        {
            var rule = rules.GetValueOrDefault(source.Rule);
            if (rule is { Enabled: false })
            {
                continue;
            }

            var reminders = await source.FindDueAsync(today, rule?.LeadDays ?? ReminderRules.DefaultLeadDays, cancellationToken).ConfigureAwait(false);
            foreach (var reminder in reminders)
            {
                foreach (var userId in await RecipientsAsync(reminder.Recipient, cancellationToken).ConfigureAwait(false))
                {
                    due++;
                    if (await DeliverAsync(reminder, userId, cancellationToken).ConfigureAwait(false))
                    {
                        delivered++;
                    }
                    else
                    {
                        already++;
                    }
                }
            }
        }

        Ran(logger, today, due, delivered, already);
        return new ReminderRunResult(today, due, delivered, already);
    }

    private async Task<IReadOnlyList<Guid>> RecipientsAsync(ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        if (recipient.UserId is { } user)
        {
            return [user];
        }

        if (recipient.OrganizationId is null && recipient.Role is null)
        {
            return [];
        }

        // An organization's accounts (holding the role, if one is named), or a role's accounts city-wide (the program office).
        var accounts = db.Users.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking().Where(u => !u.IsDisabled);
        if (recipient.OrganizationId is { } organization)
        {
            accounts = accounts.Where(u => u.OrganizationId == organization);
        }

        if (recipient.Role is { } role)
        {
            var normalized = role.ToUpperInvariant();
            accounts = accounts.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }

        return await accounts.Select(u => u.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> DeliverAsync(DueReminder reminder, Guid userId, CancellationToken cancellationToken)
    {
        var sent = await db.InboxMessages.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .AnyAsync(m => m.Rule == reminder.Rule && m.Occasion == reminder.Occasion && m.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (sent)
        {
            return false;
        }

        var message = new InboxMessage
        {
            UserId = userId,
            Rule = Cut(reminder.Rule, ReminderRules.KeyLength),
            Occasion = Cut(reminder.Occasion, ReminderRules.OccasionLength),
            Subject = Cut(reminder.Subject, ReminderRules.SubjectLength),
            Body = Cut(reminder.Body, ReminderRules.BodyLength),
            Link = Cut(reminder.Link, ReminderRules.LinkLength),
            DueOn = reminder.DueOn,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.InboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run delivered the same reminder meanwhile: the unique row keeps it once.
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders for {Today}: {Due} due, {Delivered} delivered, {Already} delivered before.")]
    private static partial void Ran(ILogger logger, DateOnly today, int due, int delivered, int already);
}
