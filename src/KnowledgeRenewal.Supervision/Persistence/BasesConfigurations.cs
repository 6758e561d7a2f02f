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

internal sealed class BaseExitNoticeConfiguration : IEntityTypeConfiguration<BaseExitNotice>
{
    public void Configure(EntityTypeBuilder<BaseExitNotice> builder)
    {
        builder.ToTable("SupBaseExitNotices");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => new { n.BaseId, n.Status });
        builder.HasIndex(n => new { n.Status, n.NoticeEnd });
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Reason).HasMaxLength(BaseExitNotice.ReasonLength);
        builder.Property(n => n.StartedByName).HasMaxLength(64);
        builder.Property(n => n.ConcludedByName).HasMaxLength(64);
        builder.Property(n => n.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(n => n.Objections).WithOne().HasForeignKey(o => o.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BaseExitObjectionConfiguration : IEntityTypeConfiguration<BaseExitObjection>
{
    public void Configure(EntityTypeBuilder<BaseExitObjection> builder)
    {
        builder.ToTable("SupBaseExitObjections");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => new { o.NoticeId, o.Status });
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Reason).HasMaxLength(BaseExitObjection.ReasonLength);
        builder.Property(o => o.ContactName).HasMaxLength(64);
        builder.Property(o => o.ContactPhoneCipher).HasMaxLength(512);
        builder.Property(o => o.ContactPhoneMasked).HasMaxLength(32);
        builder.Property(o => o.Resolution).HasMaxLength(BaseExitNotice.ReasonLength);
        builder.Property(o => o.ResolvedByName).HasMaxLength(64);
    }
}

internal sealed class BaseExchangeConfiguration : IEntityTypeConfiguration<BaseExchange>
{
    public void Configure(EntityTypeBuilder<BaseExchange> builder)
    {
        builder.ToTable("SupBaseExchanges");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.HeldOn);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Topic).HasMaxLength(BaseExchange.TopicLength);
        builder.Property(e => e.Note).HasMaxLength(BaseExchange.NoteLength);
        builder.Property(e => e.RecordedByName).HasMaxLength(64);
        builder.HasMany(e => e.Parties).WithOne().HasForeignKey(p => p.ExchangeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BaseExchangePartyConfiguration : IEntityTypeConfiguration<BaseExchangeParty>
{
    public void Configure(EntityTypeBuilder<BaseExchangeParty> builder)
    {
        builder.ToTable("SupBaseExchangeParties");
        builder.HasKey(p => new { p.ExchangeId, p.BaseId });
        builder.HasIndex(p => p.BaseId);
    }
}
