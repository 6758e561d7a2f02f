using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Programs.Persistence;

// Money is integer fen (long): exact and fast to sum on every provider (no decimal-as-TEXT on SQLite).

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Number).HasMaxLength(24);
        builder.Property(p => p.Title).HasMaxLength(Project.TitleLength);
        builder.Property(p => p.RegionCode).HasMaxLength(16);
        builder.Property(p => p.DepartmentCode).HasMaxLength(32);
        builder.Property(p => p.Description).HasMaxLength(Project.TextLength);
        builder.Property(p => p.Summary).HasMaxLength(Project.TextLength);
        builder.Property(p => p.SubjectCode).HasMaxLength(32);
        builder.Property(p => p.DigitalFieldCode).HasMaxLength(32);
        builder.Property(p => p.UpstreamReference).HasMaxLength(64);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => new { p.CreditYear, p.Type, p.Status });
        builder.HasIndex(p => new { p.RegionCode, p.Status });
        builder.HasIndex(p => new { p.DepartmentCode, p.Status });
        builder.HasIndex(p => p.ApplicantOrganizationId);
        builder.HasIndex(p => p.RecommenderOrganizationId);
        builder.HasIndex(p => p.ProviderId);
        builder.HasIndex(p => p.Status);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.ApplicantOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.RecommenderOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EducationBase>().WithMany().HasForeignKey(p => p.EducationBaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Transitions).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Objections).WithOne().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectTransitionConfiguration : IEntityTypeConfiguration<ProjectTransition>
{
    public void Configure(EntityTypeBuilder<ProjectTransition> builder)
    {
        builder.ToTable("ProjectTransitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ActorName).HasMaxLength(64);
        builder.Property(t => t.ActorRole).HasMaxLength(32);
        builder.Property(t => t.Comment).HasMaxLength(ProjectTransition.CommentLength);
        builder.Property(t => t.ExpertName).HasMaxLength(64);
        builder.Property(t => t.ReferenceNumber).HasMaxLength(64);
        builder.HasIndex(t => new { t.ProjectId, t.Sequence }).IsUnique();
        builder.HasIndex(t => t.At);
    }
}

internal sealed class ProjectReviewConfiguration : IEntityTypeConfiguration<ProjectReview>
{
    public void Configure(EntityTypeBuilder<ProjectReview> builder)
    {
        builder.ToTable("ProjectReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ExpertName).HasMaxLength(64);
        builder.Property(r => r.Comment).HasMaxLength(ProjectReview.CommentLength);
        builder.Property(r => r.RecordedByName).HasMaxLength(64);
        builder.HasIndex(r => new { r.ProjectId, r.ExpertId }).IsUnique();
        builder.HasIndex(r => r.ExpertId);
    }
}

internal sealed class ProjectObjectionConfiguration : IEntityTypeConfiguration<ProjectObjection>
{
    public void Configure(EntityTypeBuilder<ProjectObjection> builder)
    {
        builder.ToTable("ProjectObjections");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Reason).HasMaxLength(ProjectObjection.ReasonLength);
        builder.Property(o => o.ContactName).HasMaxLength(64);
        builder.Property(o => o.ContactPhone).HasMaxLength(32);
        builder.Property(o => o.Resolution).HasMaxLength(ProjectTransition.CommentLength);
        builder.Property(o => o.ResolvedByName).HasMaxLength(64);
        builder.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(o => new { o.ProjectId, o.Status });
    }
}
