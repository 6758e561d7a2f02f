using KnowledgeRenewal.Supervision.Domain.Bases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Supervision.Persistence;

internal sealed class BaseDesignationConfiguration : IEntityTypeConfiguration<BaseDesignation>
{
    public void Configure(EntityTypeBuilder<BaseDesignation> builder)
    {
        builder.ToTable("SupBaseDesignations");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.BaseId, d.ValidFrom });
        builder.HasIndex(d => d.ProjectId).IsUnique();
        builder.Property(d => d.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.ProjectNumber).HasMaxLength(32);
        builder.Property(d => d.ReferenceNumber).HasMaxLength(BaseDesignation.ReferenceLength);
        builder.Property(d => d.RecordedByName).HasMaxLength(64);
    }
}

internal sealed class BaseStatusChangeConfiguration : IEntityTypeConfiguration<BaseStatusChange>
{
    public void Configure(EntityTypeBuilder<BaseStatusChange> builder)
    {
        builder.ToTable("SupBaseStatusChanges");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.BaseId, c.ChangedAt });
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(BaseStatusChange.ReasonLength);
        builder.Property(c => c.ChangedByName).HasMaxLength(64);
    }
}

internal sealed class AssessmentMethodConfiguration : IEntityTypeConfiguration<AssessmentMethod>
{
    public void Configure(EntityTypeBuilder<AssessmentMethod> builder)
    {
        builder.ToTable("SupAssessmentMethods");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.Version).IsUnique();
        builder.Property(m => m.Note).HasMaxLength(AssessmentMethod.NoteLength);
        builder.Property(m => m.CreatedByName).HasMaxLength(64);
        builder.Ignore(m => m.TotalWeight);
    }
}

internal sealed class BaseAssessmentConfiguration : IEntityTypeConfiguration<BaseAssessment>
{
    public void Configure(EntityTypeBuilder<BaseAssessment> builder)
    {
        builder.ToTable("SupBaseAssessments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.BaseId, a.Year }).IsUnique();
        builder.HasIndex(a => a.Year);
        builder.Property(a => a.CompletionRate).HasPrecision(5, 4);
        builder.Property(a => a.SatisfactionRate).HasPrecision(5, 4);
        builder.Property(a => a.InspectionScore).HasPrecision(5, 1);
        builder.Property(a => a.Score).HasPrecision(5, 1);
        builder.Property(a => a.Note).HasMaxLength(BaseAssessment.NoteLength);
        builder.Property(a => a.AssessedByName).HasMaxLength(64);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class ClassEvaluationConfiguration : IEntityTypeConfiguration<ClassEvaluation>
{
    public void Configure(EntityTypeBuilder<ClassEvaluation> builder)
    {
        builder.ToTable("SupClassEvaluations");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.ClassId, e.ProfessionalId }).IsUnique();
        builder.HasIndex(e => new { e.ProviderId, e.Year });
        builder.Property(e => e.Comment).HasMaxLength(ClassEvaluation.CommentLength);
        builder.Ignore(e => e.Mean);
    }
}
