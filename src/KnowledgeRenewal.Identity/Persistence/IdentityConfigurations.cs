using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Identity.Persistence;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    /// <summary>The discriminator column of the organizations table.</summary>
    public const string EntityKind = "EntityKind";

    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.Property(o => o.Name).HasMaxLength(128);
        builder.Property(o => o.RegionCode).HasMaxLength(16);
        builder.Property(o => o.DepartmentCode).HasMaxLength(32);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasIndex(o => new { o.Type, o.RegionCode });
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Department).WithMany().HasForeignKey(o => o.DepartmentCode).OnDelete(DeleteBehavior.Restrict);

        // Organizations of the registry with more to say (employers, training providers) share the table, told apart
        // by EntityKind; the registry names its own kinds (see OrganizationKindConfigurations).
        builder.HasDiscriminator<string>(EntityKind).HasValue<Organization>("Organization");
        builder.Property(EntityKind).HasMaxLength(24);
    }
}

internal sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(64);
        builder.Property(u => u.IdNumberHash).HasMaxLength(64);
        builder.HasIndex(u => u.IdNumberHash).IsUnique();
        builder.HasIndex(u => u.PhoneNumber);
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlatformRoleConfiguration : IEntityTypeConfiguration<PlatformRole>
{
    public void Configure(EntityTypeBuilder<PlatformRole> builder) => builder.Property(r => r.DisplayName).HasMaxLength(32);
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("AuditRecords");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedNever();
        builder.Property(r => r.UserName).HasMaxLength(128);
        builder.Property(r => r.Roles).HasMaxLength(256);
        builder.Property(r => r.ClientId).HasMaxLength(128);
        builder.Property(r => r.Action).HasMaxLength(64);
        builder.Property(r => r.EntityType).HasMaxLength(128);
        builder.Property(r => r.EntityKey).HasMaxLength(1024);
        builder.Property(r => r.SourceIp).HasMaxLength(64);
        builder.Property(r => r.CorrelationId).HasMaxLength(128);
        builder.Property(r => r.Details).HasMaxLength(2048);
        builder.Property(r => r.PreviousHash).HasMaxLength(64);
        builder.Property(r => r.Hash).HasMaxLength(64);
        builder.HasIndex(r => r.OccurredAt);
        builder.HasIndex(r => new { r.Action, r.OccurredAt });
        builder.HasIndex(r => r.UserId);
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHead");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.Property(h => h.AnchorHash).HasMaxLength(64);
        builder.Property(h => h.Signature).HasMaxLength(64);
        builder.HasData(new AuditChainHead { Id = 1, UpdatedAt = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}
