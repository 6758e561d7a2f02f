using KnowledgeRenewal.Programs.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Programs.Persistence;

internal sealed class AnnualPlanConfiguration : IEntityTypeConfiguration<AnnualPlan>
{
    public void Configure(EntityTypeBuilder<AnnualPlan> builder)
    {
        builder.ToTable("AnnualPlans");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.Year, p.Scope, p.ScopeCode }).IsUnique();
        builder.Property(p => p.Scope).HasConversion<string>().HasMaxLength(16).HasDefaultValue(PlanScope.City).HasSentinel(PlanScope.City);
        builder.Property(p => p.ScopeCode).HasMaxLength(32).HasDefaultValue("");
        builder.Property(p => p.Notes).HasMaxLength(AnnualPlanRules.NotesLength);
        builder.Property(p => p.UpdatedByName).HasMaxLength(64);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Targets).AutoInclude();
    }
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> builder)
    {
        builder.ToTable("PlanTargets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Key).HasMaxLength(32);
        builder.HasIndex(t => new { t.PlanId, t.Kind, t.Key }).IsUnique();
        builder.HasIndex(t => t.Year);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(16).HasDefaultValue(PlanScope.City).HasSentinel(PlanScope.City);
        builder.Property(t => t.ScopeCode).HasMaxLength(32).HasDefaultValue("");
    }
}
