using KnowledgeRenewal.Credits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Credits.Persistence;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("Courses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(Course.TitleLength);
        builder.Property(c => c.Description).HasMaxLength(Course.DescriptionLength);
        builder.Property(c => c.SubjectId).HasMaxLength(64);
        builder.Property(c => c.Hours).HasPrecision(6, 2);
        builder.Property(c => c.DeveloperName).HasMaxLength(Course.DeveloperNameLength);
        builder.Property(c => c.CreatedByName).HasMaxLength(64);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(c => c.Materials).WithOne().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.DeveloperOrganizationId);
        builder.HasIndex(c => c.SubjectId);
        builder.HasIndex(c => c.Title);
    }
}

internal sealed class CourseMaterialConfiguration : IEntityTypeConfiguration<CourseMaterial>
{
    public void Configure(EntityTypeBuilder<CourseMaterial> builder)
    {
        builder.ToTable("CourseMaterials");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.FileName).HasMaxLength(EvidenceFile.FileNameLength);
        builder.Property(m => m.ContentType).HasMaxLength(64);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.Property(m => m.UploadedByName).HasMaxLength(64);
    }
}
