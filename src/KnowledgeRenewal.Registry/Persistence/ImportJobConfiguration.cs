using KnowledgeRenewal.Registry.Domain.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Registry.Persistence;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("ImportJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Format).HasConversion<string>().HasMaxLength(8);
        builder.Property(j => j.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameLength);
        builder.Property(j => j.FileSha256).HasMaxLength(64);
        builder.Property(j => j.IdempotencyKey).HasMaxLength(ImportJob.IdempotencyKeyLength);
        builder.Property(j => j.RequestedByUserName).HasMaxLength(256);
        builder.Property(j => j.FailureReason).HasMaxLength(ImportJob.FailureReasonLength);

        // A repeated request with the same key by the same account finds the first job (NULL keys never clash).
        builder.HasIndex(j => new { j.RequestedByUserId, j.IdempotencyKey }).IsUnique();
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
    }
}
