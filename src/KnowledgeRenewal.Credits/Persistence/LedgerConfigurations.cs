using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Persistence;

// Credit hours are stored as integer hundredths (exact, fast to sum and compare on every provider); the decimal
// "…Hours" columns the feeds read are computed by the database from them (see PlatformDbContext.MirrorHours).

internal sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> builder)
    {
        builder.ToTable("CreditRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Hours).HasColumnName("HoursHundredths");
        builder.Property(r => r.EnteredAmount).HasPrecision(12, 2);
        builder.Property(r => r.Title).HasMaxLength(CreditRecord.TitleLength);
        builder.Property(r => r.SubjectCode).HasMaxLength(32);
        builder.Property(r => r.SubjectName).HasMaxLength(64);
        builder.Property(r => r.ModuleKey).HasMaxLength(32);
        builder.Property(r => r.CreditClass).HasMaxLength(16);
        builder.Property(r => r.SourceFile).HasMaxLength(300);
        builder.Property(r => r.ExternalReference).HasMaxLength(128);
        builder.Property(r => r.RecordedByName).HasMaxLength(64);
        builder.Property(r => r.ReviewedByName).HasMaxLength(64);
        builder.Property(r => r.ReviewReason).HasMaxLength(CreditRecord.ReasonLength);
        builder.Property(r => r.RevokedByName).HasMaxLength(64);
        builder.Property(r => r.RevocationReason).HasMaxLength(CreditRecord.ReasonLength);
        builder.Property(r => r.FlagDetail).HasMaxLength(CreditRecord.ReasonLength);
        builder.Property(r => r.RegionCode).HasMaxLength(16);
        builder.Property(r => r.DepartmentCode).HasMaxLength(32);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(r => new { r.ProfessionalId, r.Date });
        builder.HasIndex(r => new { r.CreditYear, r.RegionCode });
        builder.HasIndex(r => new { r.CreditYear, r.DepartmentCode });
        builder.HasIndex(r => new { r.ClassId, r.ProfessionalId });
        builder.HasIndex(r => r.ProviderId);
        builder.HasIndex(r => r.DeclarationId);
        builder.HasIndex(r => r.ImportJobId);
        builder.HasIndex(r => r.Status);

        // The year's training figures (plan progress, dashboard, reports): who was trained in a year, by source, region,
        // sector and class, read from the index alone; and the same by month (by day of the activity).
        builder.HasIndex(r => new { r.CreditYear, r.Status, r.Source, r.ProfessionalId, r.RegionCode, r.DepartmentCode, r.ClassId })
            .HasDatabaseName("IX_CreditRecords_YearFigures");
        builder.HasIndex(r => new { r.Date, r.Status, r.Source, r.ProfessionalId }).HasDatabaseName("IX_CreditRecords_DayFigures");
        builder.HasOne(r => r.Professional).WithMany().HasForeignKey(r => r.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingProvider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Class).WithMany().HasForeignKey(r => r.ClassId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> builder)
    {
        builder.ToTable("TrainingClasses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Hours).HasColumnName("HoursHundredths");
        builder.Property(c => c.Title).HasMaxLength(TrainingClass.TitleLength);
        builder.Property(c => c.SubjectCode).HasMaxLength(32);
        builder.Property(c => c.CreditClass).HasMaxLength(16);
        builder.Property(c => c.DepartmentCode).HasMaxLength(32);
        builder.Property(c => c.RegionCode).HasMaxLength(16);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ProviderId, c.StartDate });
        builder.HasIndex(c => c.ProjectId);
        builder.HasIndex(c => c.CourseId);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Provider).WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityDeclarationConfiguration : IEntityTypeConfiguration<ActivityDeclaration>
{
    public void Configure(EntityTypeBuilder<ActivityDeclaration> builder)
    {
        builder.ToTable("ActivityDeclarations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Hours).HasColumnName("HoursHundredths");
        builder.Property(d => d.ClaimedAmount).HasPrecision(12, 2);
        builder.Property(d => d.Title).HasMaxLength(ActivityDeclaration.TitleLength);
        builder.Property(d => d.Organizer).HasMaxLength(128);
        builder.Property(d => d.Description).HasMaxLength(ActivityDeclaration.DescriptionLength);
        builder.Property(d => d.SubjectCode).HasMaxLength(32);
        builder.Property(d => d.ModuleKey).HasMaxLength(32);
        builder.Property(d => d.CreditClass).HasMaxLength(16);
        builder.Property(d => d.DepartmentCode).HasMaxLength(32);
        builder.Property(d => d.RegionCode).HasMaxLength(16);
        builder.Property(d => d.EmployerReviewerName).HasMaxLength(64);
        builder.Property(d => d.EmployerComment).HasMaxLength(512);
        builder.Property(d => d.DepartmentReviewerName).HasMaxLength(64);
        builder.Property(d => d.DepartmentComment).HasMaxLength(512);
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(d => new { d.ProfessionalId, d.SubmittedAt });
        builder.HasIndex(d => new { d.EmployerId, d.Status });
        builder.HasIndex(d => new { d.DepartmentCode, d.Status });
        builder.HasIndex(d => d.CreditRecordId).IsUnique();
        builder.HasOne(d => d.Professional).WithMany().HasForeignKey(d => d.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CreditRecord>().WithOne().HasForeignKey<ActivityDeclaration>(d => d.CreditRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Evidence).WithOne().HasForeignKey(e => e.DeclarationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FileName).HasMaxLength(EvidenceFile.FileNameLength);
        builder.Property(e => e.ContentType).HasMaxLength(64);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.HasIndex(e => e.DeclarationId);
    }
}

internal sealed class CycleComplianceConfiguration : IEntityTypeConfiguration<CycleCompliance>
{
    public void Configure(EntityTypeBuilder<CycleCompliance> builder)
    {
        builder.ToTable("Compliance");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Counted).HasColumnName("CountedHundredths");
        builder.Property(c => c.Required).HasColumnName("RequiredHundredths");
        builder.Property(c => c.PublicCounted).HasColumnName("PublicCountedHundredths");
        builder.Property(c => c.ProfessionalCounted).HasColumnName("ProfessionalCountedHundredths");
        builder.Property(c => c.RuleScope).HasMaxLength(32);
        builder.Property(c => c.RuleSetTitle).HasMaxLength(128);
        builder.Property(c => c.Missing).HasMaxLength(CycleCompliance.MissingLength);
        builder.Property(c => c.RegionCode).HasMaxLength(16);
        builder.Property(c => c.DepartmentCode).HasMaxLength(32);
        builder.HasIndex(c => new { c.ProfessionalId, c.CycleStart }).IsUnique();

        // One index for the summaries' cycle condition (every bulk-written row maintains each index: the summaries group
        // by the person's current owners, so per-region/department/employer indexes of this table served no query).
        builder.HasIndex(c => new { c.CycleStart, c.CycleEnd, c.Status });
        builder.HasOne(c => c.Professional).WithMany().HasForeignKey(c => c.ProfessionalId).OnDelete(DeleteBehavior.Restrict);

        // The employer when computed: the split by ownership (equal treatment, ADR 0019).
        builder.HasOne(c => c.Employer).WithMany().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditCertificateConfiguration : IEntityTypeConfiguration<CreditCertificate>
{
    public void Configure(EntityTypeBuilder<CreditCertificate> builder)
    {
        builder.ToTable("CreditCertificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.Property(c => c.VerificationCode).HasMaxLength(32);
        builder.Property(c => c.PublicHours).HasColumnName("PublicHoursHundredths");
        builder.Property(c => c.ProfessionalHours).HasColumnName("ProfessionalHoursHundredths");
        builder.Property(c => c.TotalHours).HasColumnName("TotalHoursHundredths");
        builder.Property(c => c.IssuedByName).HasMaxLength(64);
        builder.Property(c => c.HolderName).HasMaxLength(32);
        builder.Property(c => c.HolderIdMasked).HasMaxLength(18);
        builder.Property(c => c.EmployerName).HasMaxLength(128);
        builder.Property(c => c.ComplianceText).HasMaxLength(128);
        builder.Property(c => c.RecordsFingerprint).HasMaxLength(64);
        builder.Property(c => c.RevocationReason).HasMaxLength(CreditCertificate.ReasonLength);
        builder.Property(c => c.RevokedByName).HasMaxLength(64);

        // Two state changes at once (a revocation and an automatic new version): exactly one wins.
        builder.Property(c => c.Status).IsConcurrencyToken();
        builder.Property(c => c.RegionCode).HasMaxLength(16);
        builder.Property(c => c.DepartmentCode).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.VerificationCode).IsUnique();
        builder.HasIndex(c => new { c.ProfessionalId, c.Year, c.Version }).IsUnique();
        builder.HasOne(c => c.Professional).WithMany().HasForeignKey(c => c.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateVerificationConfiguration : IEntityTypeConfiguration<CertificateVerification>
{
    public void Configure(EntityTypeBuilder<CertificateVerification> builder)
    {
        builder.ToTable("CertificateVerifications");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.CodePrefix).HasMaxLength(8);
        builder.Property(v => v.Channel).HasMaxLength(16);
        builder.Property(v => v.ClientAddress).HasMaxLength(64);
        builder.HasIndex(v => v.VerifiedAt);
        builder.HasIndex(v => v.CertificateId);
    }
}
