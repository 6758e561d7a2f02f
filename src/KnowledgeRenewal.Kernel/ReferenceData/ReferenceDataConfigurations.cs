using KnowledgeRenewal.Kernel.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;

namespace KnowledgeRenewal.Kernel.ReferenceData;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(16);
        builder.Property(r => r.Name).HasMaxLength(64);
        builder.Property(r => r.GbCode).HasMaxLength(6);
        builder.Property(r => r.ParentCode).HasMaxLength(16);
        builder.HasOne(r => r.Parent).WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.GbCode).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(32);
        builder.Property(d => d.Name).HasMaxLength(64);
        builder.Property(d => d.Sector).HasMaxLength(32);
        builder.Property(d => d.NameEn).HasMaxLength(96);
    }
}
