using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.Contracts;

/// <summary>Programs' tables on the platform context.</summary>
public static class ProgramsData
{
    extension(PlatformDbContext db)
    {
        /// <summary>The catalog of digital-technology-engineer training and evaluation institutions.</summary>
        public DbSet<DigitalInstitution> DigitalInstitutions => db.Set<DigitalInstitution>();

        /// <summary>Digital-technology-engineer training records.</summary>
        public DbSet<DigitalTraining> DigitalTrainings => db.Set<DigitalTraining>();

        /// <summary>Digital-technology-engineer evaluation results.</summary>
        public DbSet<DigitalEvaluation> DigitalEvaluations => db.Set<DigitalEvaluation>();

        /// <summary>Training-qualified and professional technical level certificates.</summary>
        public DbSet<DigitalCertificate> DigitalCertificates => db.Set<DigitalCertificate>();

        /// <summary>Vocational-training subsidy claims.</summary>
        public DbSet<SubsidyClaim> SubsidyClaims => db.Set<SubsidyClaim>();

        /// <summary>Program projects (the four types of the seed).</summary>
        public DbSet<Project> Projects => db.Set<Project>();

        /// <summary>The projects' workflow history (申报历史).</summary>
        public DbSet<ProjectTransition> ProjectTransitions => db.Set<ProjectTransition>();

        /// <summary>Expert reviews of projects.</summary>
        public DbSet<ProjectReview> ProjectReviews => db.Set<ProjectReview>();

        /// <summary>Objections filed against projects in public notice.</summary>
        public DbSet<ProjectObjection> ProjectObjections => db.Set<ProjectObjection>();

        /// <summary>The program office's yearly plans (city-level targets, no personal data: not scoped).</summary>
        public DbSet<AnnualPlan> AnnualPlans => db.Set<AnnualPlan>();

        /// <summary>The targets of the yearly plans.</summary>
        public DbSet<PlanTarget> PlanTargets => db.Set<PlanTarget>();
    }
}
