using KnowledgeRenewal.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>The complaints table: one row per complaint, its lookup code unique, the phone only encrypted.</summary>
internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.ObjectKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ObjectName).HasMaxLength(Complaint.NameLength + 40);
        builder.Property(c => c.ObjectRegionCode).HasMaxLength(16);
        builder.Property(c => c.Subject).HasMaxLength(Complaint.SubjectLength);
        builder.Property(c => c.Content).HasMaxLength(Complaint.TextLength);
        builder.Property(c => c.ContactName).HasMaxLength(64);
        builder.Property(c => c.ContactPhoneCipher).HasMaxLength(512);
        builder.Property(c => c.ContactPhoneMasked).HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AssigneeName).HasMaxLength(Complaint.NameLength);
        builder.Property(c => c.AssigneeRegionCode).HasMaxLength(16);
        builder.Property(c => c.AssigneeDepartmentCode).HasMaxLength(32);
        builder.Property(c => c.ReferredTo).HasMaxLength(Complaint.NameLength);
        builder.Property(c => c.AssignmentNote).HasMaxLength(Complaint.TextLength);
        builder.Property(c => c.AssignedByName).HasMaxLength(64);
        builder.Property(c => c.Finding).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.FindingText).HasMaxLength(Complaint.TextLength);
        builder.Property(c => c.PublicOutcome).HasMaxLength(Complaint.OutcomeLength);
        builder.Property(c => c.ResolvedByName).HasMaxLength(64);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Status, c.DueOn });
        builder.HasIndex(c => new { c.ObjectKind, c.ObjectId });
    }
}
