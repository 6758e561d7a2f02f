using KnowledgeRenewal.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Identity.Persistence;

internal sealed class EventSubscriptionConfiguration : IEntityTypeConfiguration<EventSubscription>
{
    public void Configure(EntityTypeBuilder<EventSubscription> builder)
    {
        builder.ToTable("EventSubscriptions");
        builder.Property(s => s.ClientId).HasMaxLength(100);
        builder.Property(s => s.Url).HasMaxLength(500);
        builder.Property(s => s.EventTypes).HasMaxLength(500);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        builder.Ignore(s => s.EventTypeList);
        builder.HasIndex(s => s.ClientId);
    }
}

internal sealed class EventDeliveryConfiguration : IEntityTypeConfiguration<EventDelivery>
{
    public void Configure(EntityTypeBuilder<EventDelivery> builder)
    {
        builder.ToTable("EventDeliveries");
        builder.Property(d => d.EventType).HasMaxLength(48);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.HasOne<EventSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.SubscriptionId, d.Status });
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
    }
}
