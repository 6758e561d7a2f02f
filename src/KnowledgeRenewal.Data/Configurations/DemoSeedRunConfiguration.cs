using KnowledgeRenewal.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Data.Configurations;

internal sealed class DemoSeedRunConfiguration : IEntityTypeConfiguration<DemoSeedRun>
{
    public void Configure(EntityTypeBuilder<DemoSeedRun> builder)
    {
        builder.ToTable("DemoSeedRuns");
        builder.HasKey(r => r.SeederKey);
        builder.Property(r => r.SeederKey).HasMaxLength(64);
    }
}
