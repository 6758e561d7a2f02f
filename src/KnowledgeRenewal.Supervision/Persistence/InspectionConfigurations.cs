using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Supervision.Persistence;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> builder)
    {
        builder.ToTable("Experts");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(Expert.NameLength);
        builder.Property(e => e.Specialty).HasMaxLength(Expert.TextLength);
        builder.Property(e => e.Title).HasMaxLength(Expert.TextLength);
        builder.Property(e => e.OrganizationName).HasMaxLength(Expert.TextLength);
        builder.Property(e => e.RegionCode).HasMaxLength(16);
        builder.Property(e => e.Phone).HasMaxLength(16);
        builder.Property(e => e.IdNumber).HasMaxLength(18);
        builder.Property(e => e.CreatedByName).HasMaxLength(64);
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(e => e.Name);
        builder.HasIndex(e => e.OrganizationId);
    }
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> builder)
    {
        builder.ToTable("InspectionPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(InspectionPlan.TitleLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DrawnByName).HasMaxLength(64);
        builder.Property(p => p.CreatedByName).HasMaxLength(64);
        builder.Property(p => p.Fingerprint).HasMaxLength(64);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Year, p.Status });
        builder.HasMany(p => p.Quotas).WithOne().HasForeignKey(q => q.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Weights).WithOne().HasForeignKey(w => w.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionQuotaConfiguration : IEntityTypeConfiguration<InspectionQuota>
{
    public void Configure(EntityTypeBuilder<InspectionQuota> builder)
    {
        builder.ToTable("InspectionQuotas");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(q => new { q.PlanId, q.Kind }).IsUnique();
    }
}

internal sealed class InspectionRiskWeightConfiguration : IEntityTypeConfiguration<InspectionRiskWeight>
{
    public void Configure(EntityTypeBuilder<InspectionRiskWeight> builder)
    {
        builder.ToTable("InspectionRiskWeights");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.SignalKey).HasMaxLength(32);
        builder.Property(w => w.Weight).HasPrecision(9, 4);
        builder.HasIndex(w => new { w.PlanId, w.SignalKey }).IsUnique();
    }
}

internal sealed class InspectionDrawRecordConfiguration : IEntityTypeConfiguration<InspectionDrawRecord>
{
    public void Configure(EntityTypeBuilder<InspectionDrawRecord> builder)
    {
        builder.ToTable("InspectionDraws");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.DrawnByName).HasMaxLength(64);
        builder.Property(d => d.Fingerprint).HasMaxLength(64);
        builder.HasIndex(d => new { d.PlanId, d.DrawnAt });
        builder.HasOne<InspectionPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.ToTable("Inspections");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ObjectName).HasMaxLength(128);
        builder.Property(i => i.OrganizationName).HasMaxLength(128);
        builder.Property(i => i.Risk).HasPrecision(12, 4);
        builder.Property(i => i.Conclusion).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Summary).HasMaxLength(Inspection.SummaryLength);
        builder.Property(i => i.RecordedByName).HasMaxLength(64);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(i => new { i.PlanId, i.Rank });
        builder.HasIndex(i => i.OrganizationId);
        builder.HasOne<InspectionPlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Inspectors).WithOne().HasForeignKey(e => e.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionInspectorConfiguration : IEntityTypeConfiguration<InspectionInspector>
{
    public void Configure(EntityTypeBuilder<InspectionInspector> builder)
    {
        builder.ToTable("InspectionInspectors");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ExpertName).HasMaxLength(Expert.NameLength);
        builder.HasIndex(e => e.ExpertId);
        builder.HasOne<Expert>().WithMany().HasForeignKey(e => e.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> builder)
    {
        builder.ToTable("InspectionFindings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Text).HasMaxLength(InspectionFinding.TextLength);
        builder.Property(f => f.Rectification).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.ClosureNote).HasMaxLength(InspectionFinding.TextLength);
        builder.Property(f => f.ClosedByName).HasMaxLength(64);
        builder.Property(f => f.RecordedByName).HasMaxLength(64);
        builder.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(f => new { f.Rectification, f.DueOn });
        builder.HasMany(f => f.Evidence).WithOne().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionEvidenceConfiguration : IEntityTypeConfiguration<InspectionEvidence>
{
    public void Configure(EntityTypeBuilder<InspectionEvidence> builder)
    {
        builder.ToTable("InspectionEvidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FileName).HasMaxLength(InspectionEvidence.FileNameLength);
        builder.Property(e => e.ContentType).HasMaxLength(64);
        builder.Property(e => e.Sha256).HasMaxLength(64);
    }
}
