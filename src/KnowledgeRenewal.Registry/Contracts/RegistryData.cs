using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>The registry's tables on the platform context.</summary>
public static class RegistryData
{
    extension(PlatformDbContext db)
    {
        /// <summary>Employers (organizations with a credit code).</summary>
        public DbSet<Employer> Employers => db.Set<Employer>();

        /// <summary>Training providers.</summary>
        public DbSet<TrainingProvider> TrainingProviders => db.Set<TrainingProvider>();

        /// <summary>Continuing-education base designations.</summary>
        public DbSet<EducationBase> EducationBases => db.Set<EducationBase>();

        /// <summary>Professionals of the registry.</summary>
        public DbSet<Professional> Professionals => db.Set<Professional>();

        /// <summary>Employment history.</summary>
        public DbSet<Employment> Employments => db.Set<Employment>();

        /// <summary>Bulk imports of the registry (professionals, employers) and rosters.</summary>
        public DbSet<ImportJob> ImportJobs => db.Set<ImportJob>();
    }
}
