using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeRenewal.Registry.Persistence;

// Employers and training providers are organizations with more to say: rows of the organizations table, told apart
// by its EntityKind column.

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.HasBaseType<Organization>();
        builder.Metadata.SetDiscriminatorValue("Employer");
        builder.Property(e => e.ConcurrencyStamp).HasColumnName("ConcurrencyStamp").IsConcurrencyToken();
    }
}

internal sealed class TrainingProviderConfiguration : IEntityTypeConfiguration<TrainingProvider>
{
    public void Configure(EntityTypeBuilder<TrainingProvider> builder)
    {
        builder.HasBaseType<Organization>();
        builder.Metadata.SetDiscriminatorValue("TrainingProvider");
        builder.Property(p => p.ConcurrencyStamp).HasColumnName("ConcurrencyStamp").IsConcurrencyToken();
        builder.Property(p => p.Kind).HasColumnName("ProviderKind");
    }
}
