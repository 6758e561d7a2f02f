using KnowledgeRenewal.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
