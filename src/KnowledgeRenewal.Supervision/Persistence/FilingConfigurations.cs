using KnowledgeRenewal.Supervision.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>Maps <see cref="BaseFiling"/>: one per base and year.</summary>
internal sealed class BaseFilingConfiguration : IEntityTypeConfiguration<BaseFiling>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<BaseFiling> builder)
    {
        builder.ToTable("BaseFilings");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => new { f.BaseId, f.Year }).IsUnique();
        builder.HasIndex(f => new { f.Year, f.Status });
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.RegionCode).HasMaxLength(32);
        builder.Property(f => f.Execution).HasMaxLength(BaseFiling.TextLength);
        builder.Property(f => f.PlannedSubjects).HasMaxLength(BaseFiling.SubjectsLength);
        builder.Property(f => f.SubmittedByName).HasMaxLength(64);
        builder.Property(f => f.DecidedByName).HasMaxLength(64);
        builder.Property(f => f.ReturnReason).HasMaxLength(BaseFiling.ReasonLength);
        builder.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
    }
}

/// <summary>Maps <see cref="BaseFilingEvent"/>: a filing's history.</summary>
internal sealed class BaseFilingEventConfiguration : IEntityTypeConfiguration<BaseFilingEvent>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<BaseFilingEvent> builder)
    {
        builder.ToTable("BaseFilingEvents");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.FilingId);
        builder.HasOne<BaseFiling>().WithMany().HasForeignKey(e => e.FilingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ByName).HasMaxLength(64);
        builder.Property(e => e.Reason).HasMaxLength(BaseFiling.ReasonLength);
    }
}

/// <summary>Maps <see cref="BaseFilingAttachment"/>: one per filing.</summary>
internal sealed class BaseFilingAttachmentConfiguration : IEntityTypeConfiguration<BaseFilingAttachment>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<BaseFilingAttachment> builder)
    {
        builder.ToTable("BaseFilingAttachments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.FilingId).IsUnique();
        builder.HasOne<BaseFiling>().WithMany().HasForeignKey(a => a.FilingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.FileName).HasMaxLength(BaseFilingAttachment.FileNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedByName).HasMaxLength(64);
    }
}
