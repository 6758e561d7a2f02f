using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
namespace KnowledgeRenewal.Credits.Persistence;

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.ToTable("Subjects");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(80);
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(128);
        builder.Property(s => s.Discipline).HasMaxLength(64);
        builder.Property(s => s.Description).HasMaxLength(512);
        builder.Property(s => s.ModuleKey).HasMaxLength(32);
        builder.Property(s => s.DepartmentCode).HasMaxLength(32);

        // A plain decimal: OData $apply sums it in SQL, and a value converter would not convert such sums back.
        // (SQLite keeps decimals as text and compares them with EF's functions: exact, and the catalog is small.)
        builder.Property(s => s.DefaultCreditHours).HasPrecision(7, 2);

        builder.HasOne(s => s.Module).WithMany(m => m.Subjects).HasForeignKey(s => s.ModuleKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Department).WithMany().HasForeignKey(s => s.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.Category, s.Status });
        builder.HasIndex(s => s.Name);
    }
}
