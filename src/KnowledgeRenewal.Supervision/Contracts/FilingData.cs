using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Filings;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Contracts;

/// <summary>The December filing's tables on the platform context.</summary>
public static class FilingData
{
    extension(PlatformDbContext db)
    {
        /// <summary>Bases' December filings.</summary>
        public DbSet<BaseFiling> BaseFilings => db.Set<BaseFiling>();

        /// <summary>The filings' history.</summary>
        public DbSet<BaseFilingEvent> BaseFilingEvents => db.Set<BaseFilingEvent>();

        /// <summary>The filings' attachments.</summary>
        public DbSet<BaseFilingAttachment> BaseFilingAttachments => db.Set<BaseFilingAttachment>();
    }
}

/// <summary>The reminders' tables on the platform context.</summary>
public static class ReminderData
{
    extension(PlatformDbContext db)
    {
        /// <summary>Reminder rules (data: enabled, lead days).</summary>
        public DbSet<Domain.Reminders.ReminderRule> ReminderRules => db.Set<Domain.Reminders.ReminderRule>();

        /// <summary>Reminders delivered to accounts' inboxes.</summary>
        public DbSet<Domain.Reminders.InboxMessage> InboxMessages => db.Set<Domain.Reminders.InboxMessage>();
    }
}
