using KnowledgeRenewal.Credits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Credits.Persistence;

internal sealed class RecomputeJobConfiguration : IEntityTypeConfiguration<RecomputeJob>
{
    public void Configure(EntityTypeBuilder<RecomputeJob> builder)
    {
        builder.ToTable("RecomputeJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Module).HasMaxLength(RecomputeJob.ModuleLength);
        builder.Property(j => j.RequestedByUserName).HasMaxLength(RecomputeJob.NameLength);
        builder.Property(j => j.RequestedByRoles).HasMaxLength(RecomputeJob.NameLength);
        builder.Property(j => j.RequestedByClientId).HasMaxLength(RecomputeJob.NameLength);
        builder.Property(j => j.LeaseOwner).HasMaxLength(RecomputeJob.LeaseOwnerLength);
        builder.Property(j => j.FailureReason).HasMaxLength(RecomputeJob.FailureReasonLength);

        // The worker looks for queued and interrupted jobs; the lists show the newest first.
        builder.HasIndex(j => new { j.Status, j.RequestedAt });
        builder.HasIndex(j => j.RequestedAt);
    }
}
