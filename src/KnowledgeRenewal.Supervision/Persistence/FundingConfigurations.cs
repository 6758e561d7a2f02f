using KnowledgeRenewal.Supervision.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>Spending lines: one row per line, its flags as a number, the voucher's bytes in their own table.</summary>
internal sealed class SpendingLineConfiguration : IEntityTypeConfiguration<SpendingLine>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SpendingLine> builder)
    {
        builder.ToTable("SpendingLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Payee).HasMaxLength(SpendingLine.PayeeLength);
        builder.Property(l => l.Purpose).HasMaxLength(SpendingLine.PurposeLength);
        builder.Property(l => l.VoucherFileName).HasMaxLength(SpendingLine.VoucherFileNameLength);
        builder.Property(l => l.VoucherContentType).HasMaxLength(64);
        builder.Property(l => l.FlagReasons).HasMaxLength(SpendingLine.ReasonLength);
        builder.Property(l => l.RecordedByName).HasMaxLength(64);
        builder.Property(l => l.Explanation).HasMaxLength(SpendingLine.ExplanationLength);
        builder.Property(l => l.ExplainedByName).HasMaxLength(64);
        builder.Property(l => l.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(l => l.OpenFlag);
        builder.HasIndex(l => new { l.ProjectId, l.SpentOn });
        builder.HasIndex(l => new { l.Flags, l.ExplainedAt });
        builder.HasOne<SpendingVoucher>().WithOne().HasForeignKey<SpendingVoucher>(v => v.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Vouchers' bytes.</summary>
internal sealed class SpendingVoucherConfiguration : IEntityTypeConfiguration<SpendingVoucher>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SpendingVoucher> builder)
    {
        builder.ToTable("SpendingVouchers");
        builder.HasKey(v => v.Id);
    }
}

/// <summary>Approved budgets per category: one row per project and category.</summary>
internal sealed class ProjectCategoryBudgetConfiguration : IEntityTypeConfiguration<ProjectCategoryBudget>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ProjectCategoryBudget> builder)
    {
        builder.ToTable("ProjectCategoryBudgets");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.SetByName).HasMaxLength(64);
        builder.HasIndex(b => new { b.ProjectId, b.Category }).IsUnique();
    }
}

/// <summary>Fee standards: one per base, year and training kind.</summary>
internal sealed class FeeStandardConfiguration : IEntityTypeConfiguration<FeeStandard>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<FeeStandard> builder)
    {
        builder.ToTable("FeeStandards");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.RegionCode).HasMaxLength(16);
        builder.Property(f => f.BaseName).HasMaxLength(128);
        builder.Property(f => f.Note).HasMaxLength(FeeStandard.NoteLength);
        builder.Property(f => f.ReturnReason).HasMaxLength(FeeStandard.ReasonLength);
        builder.Property(f => f.SubmittedByName).HasMaxLength(64);
        builder.Property(f => f.DecidedByName).HasMaxLength(64);
        builder.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(f => new { f.BaseId, f.Year, f.Kind }).IsUnique();
        builder.HasIndex(f => new { f.Year, f.Status });
    }
}

/// <summary>Employers' training funds: one per employer and year.</summary>
internal sealed class EmployerTrainingFundConfiguration : IEntityTypeConfiguration<EmployerTrainingFund>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<EmployerTrainingFund> builder)
    {
        builder.ToTable("EmployerTrainingFunds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.RegionCode).HasMaxLength(16);
        builder.Property(f => f.DepartmentCode).HasMaxLength(32);
        builder.Property(f => f.RecordedByName).HasMaxLength(64);
        builder.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(f => new { f.EmployerId, f.Year }).IsUnique();
        builder.HasIndex(f => f.Year);
    }
}
