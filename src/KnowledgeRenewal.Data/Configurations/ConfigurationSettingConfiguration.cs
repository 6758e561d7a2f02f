using KnowledgeRenewal.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Data.Configurations;

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
