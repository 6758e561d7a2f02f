using KnowledgeRenewal.Kernel.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Credits.Domain;
namespace KnowledgeRenewal.Credits.Persistence;

internal sealed class InstalledModuleConfiguration : IEntityTypeConfiguration<InstalledModule>
{
    public void Configure(EntityTypeBuilder<InstalledModule> builder)
    {
        builder.ToTable("Modules");
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).HasMaxLength(32);
        builder.Property(m => m.NameZh).HasMaxLength(64);
        builder.Property(m => m.NameEn).HasMaxLength(96);
        builder.Property(m => m.Description).HasMaxLength(512);
        builder.Property(m => m.DepartmentCode).HasMaxLength(32);
        builder.Property(m => m.Version).HasMaxLength(32);
        builder.Property(m => m.RequiresSdk).HasMaxLength(16);
        builder.HasOne(m => m.Department).WithMany().HasForeignKey(m => m.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
