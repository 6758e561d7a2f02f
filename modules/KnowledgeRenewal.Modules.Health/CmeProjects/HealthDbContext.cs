using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary>The health module's own tables (prefixed <c>health_</c> by the SDK).</summary>
public sealed class HealthDbContext(DbContextOptions<HealthDbContext> options) : ModuleDbContext<HealthModule>(options)
{
    /// <summary>CME projects.</summary>
    public DbSet<CmeProject> CmeProjects => Set<CmeProject>();

    /// <inheritdoc />
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var project = modelBuilder.Entity<CmeProject>();
        project.ToTable("CmeProjects");
        project.Property(p => p.ProjectNumber).HasMaxLength(32);
        project.Property(p => p.Title).HasMaxLength(128);
        project.Property(p => p.SubjectCode).HasMaxLength(32);
        project.Property(p => p.HostOrganization).HasMaxLength(64);
        project.Property(p => p.Level).HasConversion<string>().HasMaxLength(16);

        project.Property(p => p.Credits).HasPrecision(4, 1);
        project.HasIndex(p => p.ProjectNumber).IsUnique();
        project.HasIndex(p => new { p.Year, p.Level });
    }
}
