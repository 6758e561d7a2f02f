using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Digital-engineer training hours (ADR 0017): a credit record's link to its training record, and one original record
/// per training and person — a unique index over the records that correct nothing (every later record of the training
/// is a linked correction), so the same facts handled twice, or at once, cannot credit the hours twice.
/// </summary>
internal sealed class DigitalHoursModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var records = model.Builder.Entity<CreditRecord>();
        records.HasOne<DigitalTraining>().WithMany().HasForeignKey(r => r.DigitalTrainingId).OnDelete(DeleteBehavior.Restrict);
        records.HasIndex(r => r.DigitalTrainingId);
        records.HasIndex(r => new { r.DigitalTrainingId, r.ProfessionalId })
            .IsUnique()
            .HasDatabaseName("IX_CreditRecords_DigitalTraining")
            .HasFilter(model.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer"
                ? "[DigitalTrainingId] IS NOT NULL AND [CorrectsRecordId] IS NULL"
                : "\"DigitalTrainingId\" IS NOT NULL AND \"CorrectsRecordId\" IS NULL");
    }
}
