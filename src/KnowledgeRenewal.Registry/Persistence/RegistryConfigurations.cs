using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Registry.Persistence;

internal sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> builder)
    {
        builder.ToTable("Professionals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.IdNumberHash).HasMaxLength(64);
        builder.Property(p => p.IdNumberCipher).HasMaxLength(128);
        builder.Property(p => p.IdNumberMasked).HasMaxLength(18);
        builder.Property(p => p.Name).HasMaxLength(32);
        builder.Property(p => p.PhoneCipher).HasMaxLength(128);
        builder.Property(p => p.PhoneMasked).HasMaxLength(11);
        builder.Property(p => p.RegionCode).HasMaxLength(16);
        builder.Property(p => p.DepartmentCode).HasMaxLength(32);
        builder.Property(p => p.TitleSeries).HasMaxLength(32);
        builder.Property(p => p.Specialty).HasMaxLength(64);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => p.IdNumberHash).IsUnique();
        builder.HasIndex(p => new { p.RegionCode, p.TitleLevel });
        builder.HasIndex(p => p.DepartmentCode);
        builder.HasIndex(p => p.EmployerId);
        builder.HasIndex(p => p.UserId);
        builder.HasIndex(p => p.Name);
        builder.HasOne(p => p.Employer).WithMany().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Employments).WithOne(e => e.Professional).HasForeignKey(e => e.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmploymentConfiguration : IEntityTypeConfiguration<Employment>
{
    public void Configure(EntityTypeBuilder<Employment> builder)
    {
        builder.ToTable("Employments");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.ProfessionalId, e.StartedOn });
        builder.HasIndex(e => e.EmployerId);
        builder.HasOne(e => e.Employer).WithMany().HasForeignKey(e => e.EmployerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EducationBaseConfiguration : IEntityTypeConfiguration<EducationBase>
{
    public void Configure(EntityTypeBuilder<EducationBase> builder)
    {
        builder.ToTable("EducationBases");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Name).HasMaxLength(128);
        builder.Property(b => b.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(b => b.OrganizationId);
        builder.HasIndex(b => new { b.Level, b.Status });
        builder.HasOne(b => b.Organization).WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
