using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;

namespace KnowledgeRenewal.Credits.Contracts;

/// <summary>Credit hours' tables on the platform context.</summary>
public static class CreditsData
{
    extension(PlatformDbContext db)
    {
        /// <summary>Modules this database has seen (their catalogs and rules are credit hours').</summary>
        public DbSet<InstalledModule> Modules => db.Set<InstalledModule>();

        /// <summary>Public and professional subjects.</summary>
        public DbSet<Subject> Subjects => db.Set<Subject>();

        /// <summary>The credit-hour ledger (append-only: approved records are revoked, never changed).</summary>
        public DbSet<CreditRecord> CreditRecords => db.Set<CreditRecord>();

        /// <summary>Classes of training providers (their rosters become credit records).</summary>
        public DbSet<TrainingClass> TrainingClasses => db.Set<TrainingClass>();

        /// <summary>The shared course catalog (课程库): courses with their subject, hours, mode and developer.</summary>
        public DbSet<Course> Courses => db.Set<Course>();

        /// <summary>The courses' materials (files).</summary>
        public DbSet<CourseMaterial> CourseMaterials => db.Set<CourseMaterial>();

        /// <summary>Self-declared activities under review.</summary>
        public DbSet<ActivityDeclaration> ActivityDeclarations => db.Set<ActivityDeclaration>();

        /// <summary>Evidence files of declarations.</summary>
        public DbSet<EvidenceFile> EvidenceFiles => db.Set<EvidenceFile>();

        /// <summary>Compliance per person and cycle, as last computed.</summary>
        public DbSet<CycleCompliance> Compliance => db.Set<CycleCompliance>();

        /// <summary>Issued credit-hour certificates (every version).</summary>
        public DbSet<CreditCertificate> CreditCertificates => db.Set<CreditCertificate>();

        /// <summary>The log of public certificate verifications.</summary>
        public DbSet<CertificateVerification> CertificateVerifications => db.Set<CertificateVerification>();
    }
}
