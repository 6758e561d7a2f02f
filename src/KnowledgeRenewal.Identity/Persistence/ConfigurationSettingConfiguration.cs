using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using KnowledgeRenewal.Kernel.Modules;

namespace KnowledgeRenewal.Identity.Persistence;

internal sealed class ConfigurationSettingConfiguration : IEntityTypeConfiguration<ConfigurationSetting>
{
    public void Configure(EntityTypeBuilder<ConfigurationSetting> builder)
    {
        builder.ToTable("ConfigurationSettings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(256);
        builder.Property(s => s.Value).HasMaxLength(2048);
    }
}
