using KnowledgeRenewal.Supervision.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>Maps <see cref="ReminderRule"/>.</summary>
internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ReminderRule> builder)
    {
        builder.ToTable("ReminderRules");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(ReminderRules.KeyLength);
        builder.Property(r => r.UpdatedByName).HasMaxLength(64);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
    }
}

/// <summary>Maps <see cref="InboxMessage"/>: unique per account, rule and occasion.</summary>
internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.Rule, m.Occasion, m.UserId }).IsUnique();
        builder.HasIndex(m => new { m.UserId, m.ReadAt });
        builder.Property(m => m.Rule).HasMaxLength(ReminderRules.KeyLength);
        builder.Property(m => m.Occasion).HasMaxLength(ReminderRules.OccasionLength);
        builder.Property(m => m.Subject).HasMaxLength(ReminderRules.SubjectLength);
        builder.Property(m => m.Body).HasMaxLength(ReminderRules.BodyLength);
        builder.Property(m => m.Link).HasMaxLength(ReminderRules.LinkLength);
    }
}
