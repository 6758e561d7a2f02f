using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using KnowledgeRenewal.Kernel.Modules;

namespace KnowledgeRenewal.Kernel.Demo;

internal sealed class DemoSeedRunConfiguration : IEntityTypeConfiguration<DemoSeedRun>
{
    public void Configure(EntityTypeBuilder<DemoSeedRun> builder)
    {
        builder.ToTable("DemoSeedRuns");
        builder.HasKey(r => r.SeederKey);
        builder.Property(r => r.SeederKey).HasMaxLength(64);
    }
}
