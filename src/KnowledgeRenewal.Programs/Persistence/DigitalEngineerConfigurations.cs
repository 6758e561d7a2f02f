using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Programs.Persistence;

internal sealed class DigitalInstitutionConfiguration : IEntityTypeConfiguration<DigitalInstitution>
{
    public void Configure(EntityTypeBuilder<DigitalInstitution> builder)
    {
        builder.ToTable("DigitalInstitutions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.OrganizationCode).HasMaxLength(32);
        builder.Property(i => i.OrganizationName).HasMaxLength(DigitalInstitution.NameLength);
        builder.Property(i => i.RegionCode).HasMaxLength(16);
        builder.Property(i => i.ListedByName).HasMaxLength(64);
        builder.Property(i => i.UpdatedByName).HasMaxLength(64);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();

        // One entry per organization: an organization trains or evaluates, never both.
        builder.HasIndex(i => i.OrganizationId).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Scopes).WithOne().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigitalInstitutionScopeConfiguration : IEntityTypeConfiguration<DigitalInstitutionScope>
{
    public void Configure(EntityTypeBuilder<DigitalInstitutionScope> builder)
    {
        builder.ToTable("DigitalInstitutionScopes");
        builder.HasKey(s => new { s.InstitutionId, s.Field, s.Level });
    }
}

internal sealed class DigitalTrainingConfiguration : IEntityTypeConfiguration<DigitalTraining>
{
    public void Configure(EntityTypeBuilder<DigitalTraining> builder)
    {
        builder.ToTable("DigitalTrainings");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.RegionCode).HasMaxLength(16);
        builder.Property(t => t.DepartmentCode).HasMaxLength(32);
        builder.Property(t => t.RecordedByName).HasMaxLength(64);
        builder.Property(t => t.ResultChangedByName).HasMaxLength(64);
        builder.Property(t => t.ResultChangeReason).HasMaxLength(256);
        builder.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(t => new { t.ProfessionalId, t.Field, t.Level });
        builder.HasIndex(t => t.InstitutionOrganizationId);
        builder.HasOne<Professional>().WithMany().HasForeignKey(t => t.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DigitalInstitution>().WithMany().HasForeignKey(t => t.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DigitalEvaluationConfiguration : IEntityTypeConfiguration<DigitalEvaluation>
{
    public void Configure(EntityTypeBuilder<DigitalEvaluation> builder)
    {
        builder.ToTable("DigitalEvaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RecordedByName).HasMaxLength(64);
        builder.HasIndex(e => new { e.TrainingId, e.Passed });
        builder.HasIndex(e => e.ProfessionalId);
        builder.HasIndex(e => e.InstitutionOrganizationId);
        builder.HasOne<DigitalTraining>().WithMany().HasForeignKey(e => e.TrainingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DigitalInstitution>().WithMany().HasForeignKey(e => e.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DigitalCertificateConfiguration : IEntityTypeConfiguration<DigitalCertificate>
{
    public void Configure(EntityTypeBuilder<DigitalCertificate> builder)
    {
        builder.ToTable("DigitalCertificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.Property(c => c.HolderNameMasked).HasMaxLength(64);
        builder.Property(c => c.HolderIdMasked).HasMaxLength(32);
        builder.Property(c => c.RegionCode).HasMaxLength(16);
        builder.Property(c => c.DepartmentCode).HasMaxLength(32);
        builder.Property(c => c.IssuedByName).HasMaxLength(64);
        builder.HasIndex(c => c.Number).IsUnique();

        // One certificate of each kind per training (a training has at most one passed evaluation).
        builder.HasIndex(c => new { c.TrainingId, c.Kind }).IsUnique();
        builder.HasIndex(c => c.ProfessionalId);
        builder.HasIndex(c => new { c.Year, c.Field, c.Level });
        builder.HasOne<DigitalTraining>().WithMany().HasForeignKey(c => c.TrainingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DigitalEvaluation>().WithMany().HasForeignKey(c => c.EvaluationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubsidyClaimConfiguration : IEntityTypeConfiguration<SubsidyClaim>
{
    public void Configure(EntityTypeBuilder<SubsidyClaim> builder)
    {
        builder.ToTable("SubsidyClaims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Amount).HasPrecision(12, 2);
        builder.Property(c => c.RegionCode).HasMaxLength(16);
        builder.Property(c => c.DepartmentCode).HasMaxLength(32);
        builder.Property(c => c.SubmittedByName).HasMaxLength(64);
        builder.Property(c => c.SubmissionNote).HasMaxLength(SubsidyClaim.TextLength);
        builder.Property(c => c.DecidedByName).HasMaxLength(64);
        builder.Property(c => c.DecisionComment).HasMaxLength(SubsidyClaim.TextLength);
        builder.Property(c => c.PaidByName).HasMaxLength(64);
        builder.Property(c => c.PaymentReference).HasMaxLength(SubsidyClaim.TextLength);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();

        // One claim per certificate.
        builder.HasIndex(c => c.CertificateId).IsUnique();
        builder.HasIndex(c => new { c.RegionCode, c.Status });
        builder.HasIndex(c => c.ProfessionalId);
        builder.HasOne<DigitalCertificate>().WithMany().HasForeignKey(c => c.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}
