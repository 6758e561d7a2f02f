using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Application;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Host.OData;

/// <summary>The entity data model of the platform's feeds at <c>/odata</c>.</summary>
public static class PlatformEdmModel
{
    /// <summary>Builds the model.</summary>
    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = EdmNames.Namespace, ContainerName = "Platform" };
        builder.EntitySet<Department>("Departments").EntityType.HasKey(d => d.Code);
        builder.EntitySet<Region>("Regions").EntityType.HasKey(r => r.Code);
        var module = builder.EntitySet<InstalledModule>("Modules").EntityType;
        module.Name = "Module";
        module.HasKey(m => m.Key);
        builder.EntitySet<Subject>("Subjects").EntityType.HasKey(s => s.Id);
        var organization = builder.EntitySet<Organization>("Organizations").EntityType;
        organization.HasKey(o => o.Id);

        // A parent outside the caller's scope is not even named; $expand=Parent shows a visible one.
        organization.Ignore(o => o.ParentId);
        AddRegistry(builder);
        AddCredits(builder);
        AddDigitalEngineers(builder);
        AddProjects(builder);
        AddClassesAndPlans(builder);
        return EdmNames.Finish(builder);
    }

    /// <summary>
    /// The registry's sets. Professionals carry no ID-number ciphertext or hash, no phone ciphertext, no account link
    /// and no concurrency stamp — not in <c>$metadata</c>, so they cannot be selected, filtered, ordered or grouped
    /// on — and no birth date: with the masked ID number it would give the number away (only the two division digits
    /// would be left to guess, and the visible check character narrows those to about one).
    /// </summary>
    private static void AddRegistry(ODataConventionModelBuilder builder)
    {
        var professional = builder.EntitySet<Professional>("Professionals").EntityType;
        professional.HasKey(p => p.Id);
        professional.Ignore(p => p.IdNumberHash);
        professional.Ignore(p => p.IdNumberCipher);
        professional.Ignore(p => p.PhoneCipher);
        professional.Ignore(p => p.UserId);
        professional.Ignore(p => p.ConcurrencyStamp);
        professional.Ignore(p => p.BirthDate);

        // No Employer navigation: a caller may see a person whose employer is outside their scope (a department
        // admin and a hospital's accountants), and the scope filter on the required employer would drop the row.
        // EmployerId joins to /odata/Employers for those who may see employers.
        professional.Ignore(p => p.Employer);
        var employment = builder.EntitySet<Employment>("Employments").EntityType;
        employment.HasKey(e => e.Id);
        employment.Ignore(e => e.Employer);

        // Employers and providers are organizations (derived types); bases are designations of one.
        builder.EntitySet<Employer>("Employers").EntityType.Ignore(e => e.ConcurrencyStamp);
        var provider = builder.EntitySet<TrainingProvider>("TrainingProviders").EntityType;
        provider.Ignore(p => p.ConcurrencyStamp);
        var designation = builder.EntitySet<EducationBase>("EducationBases").EntityType;
        designation.HasKey(b => b.Id);
        designation.Ignore(b => b.ConcurrencyStamp);
    }

    /// <summary>
    /// The credit-hour sets: CreditRecords, Compliance and Certificates (metadata only). Hours are the decimal
    /// columns the database computes from the exact hundredths, so filters, ordering and <c>$apply</c> sums are exact
    /// on every provider. No navigation to the person (join on ProfessionalId with /odata/Professionals where the
    /// caller may read people): a credits-only client sees records of people it may not see. Account links,
    /// concurrency stamps, and a certificate's verification code, snapshot and signed credential are left out.
    /// </summary>
    private static void AddCredits(ODataConventionModelBuilder builder)
    {
        var record = builder.EntitySet<CreditRecord>("CreditRecords").EntityType;
        record.HasKey(r => r.Id);
        record.Ignore(r => r.Hours);
        record.Ignore(r => r.Professional);
        record.Ignore(r => r.RecordedByUserId);
        record.Ignore(r => r.ReviewedByUserId);
        record.Ignore(r => r.RevokedByUserId);
        record.Ignore(r => r.ConcurrencyStamp);
        record.Ignore(r => r.Counts);
        record.Property(r => r.HoursDecimal).Name = "Hours";

        // State changes go through the record's methods (private setters): the convention builder skips those.
        builder.EnumType<CreditRecordStatus>();
        record.EnumProperty(r => r.Status);
        record.Property(r => r.ReviewedByName);
        record.Property(r => r.ReviewedAt);
        record.Property(r => r.ReviewReason);
        record.Property(r => r.RevokedByName);
        record.Property(r => r.RevokedAt);
        record.Property(r => r.RevocationReason);
        record.Property(r => r.CorrectedByRecordId);

        var compliance = builder.EntitySet<CycleCompliance>("Compliance").EntityType;
        compliance.Name = "Compliance";
        compliance.HasKey(c => c.Id);
        compliance.Ignore(c => c.Counted);
        compliance.Ignore(c => c.Required);
        compliance.Ignore(c => c.PublicCounted);
        compliance.Ignore(c => c.ProfessionalCounted);
        compliance.Ignore(c => c.Professional);
        compliance.Property(c => c.CountedDecimal).Name = "CountedHours";
        compliance.Property(c => c.RequiredDecimal).Name = "RequiredHours";

        var certificate = builder.EntitySet<CreditCertificate>("Certificates").EntityType;
        certificate.HasKey(c => c.Id);
        certificate.Ignore(c => c.VerificationCode);
        certificate.Ignore(c => c.Snapshot);
        certificate.Ignore(c => c.Credential);
        certificate.Ignore(c => c.RecordsFingerprint);
        certificate.Ignore(c => c.PublicHours);
        certificate.Ignore(c => c.ProfessionalHours);
        certificate.Ignore(c => c.TotalHours);
        certificate.Ignore(c => c.Professional);
        certificate.Ignore(c => c.HolderName);
        certificate.Ignore(c => c.HolderIdMasked);
        certificate.Ignore(c => c.IssuedByName);
    }

    /// <summary>
    /// DigitalCertificates: the holder's name masked, no ID number (it would identify the person to a feed that may
    /// not see people), no issuing account and no training or evaluation ids (those records are not in the feeds).
    /// Field, level, kind, year, region and sector group with <c>$apply</c>.
    /// </summary>
    private static void AddDigitalEngineers(ODataConventionModelBuilder builder)
    {
        var certificate = builder.EntitySet<DigitalCertificate>("DigitalCertificates").EntityType;
        certificate.HasKey(c => c.Id);
        certificate.Ignore(c => c.HolderIdMasked);
        certificate.Ignore(c => c.IssuedByUserId);
        certificate.Ignore(c => c.TrainingId);
        certificate.Ignore(c => c.EvaluationId);
    }

    /// <summary>
    /// The program projects (read-only) and their workflow history (Applications history). Expert reviews and public
    /// objections are not in the feeds (objections carry private contacts); account links and concurrency stamps are
    /// left out. Money is integer fen, so <c>$apply</c> sums are exact on every provider.
    /// </summary>
    private static void AddProjects(ODataConventionModelBuilder builder)
    {
        var project = builder.EntitySet<Project>("Projects").EntityType;
        project.HasKey(p => p.Id);
        project.Ignore(p => p.ConcurrencyStamp);
        project.Ignore(p => p.CreatedByUserId);
        project.Ignore(p => p.Reviews);
        project.Ignore(p => p.Objections);
        project.Property(p => p.BudgetTotalFen);
        var transition = builder.EntitySet<ProjectTransition>("ProjectTransitions").EntityType;
        transition.HasKey(t => t.Id);
        transition.Ignore(t => t.ActorUserId);
    }

    /// <summary>
    /// Classes (the sessions of projects and providers; hours as the database's exact decimal; no navigation to the
    /// provider — join on ProviderId with /odata/TrainingProviders) and the annual plans with their flat targets
    /// (<c>PlanTargets?$apply=groupby((Year,Kind),aggregate(Trainees with sum as Trainees))</c>). Progress is computed
    /// at <c>/api/annual-plans/{year}</c>.
    /// </summary>
    private static void AddClassesAndPlans(ODataConventionModelBuilder builder)
    {
        var trainingClass = builder.EntitySet<TrainingClass>("Classes").EntityType;
        trainingClass.Name = "Class";
        trainingClass.HasKey(c => c.Id);
        trainingClass.Ignore(c => c.Hours);
        trainingClass.Ignore(c => c.HoursPerDay);
        trainingClass.Ignore(c => c.Provider);
        trainingClass.Ignore(c => c.CreatedByUserId);
        trainingClass.Ignore(c => c.ConcurrencyStamp);
        trainingClass.Property(c => c.HoursDecimal).Name = "Hours";

        // Records → their class → its project, so feeds group trainees by project type, level or field
        // (CreditRecords?$apply=groupby((Class/Project/Type),aggregate(ProfessionalId with countdistinct as Trainees))).
        // Each step is cut by its own scope filter: a class or project the caller may not see is null.
        trainingClass.HasOptional(c => c.Project);
        builder.EntityType<CreditRecord>().HasOptional(r => r.Class);

        var plan = builder.EntitySet<AnnualPlan>("AnnualPlans").EntityType;
        plan.HasKey(p => p.Id);
        plan.Ignore(p => p.UpdatedByUserId);
        plan.Ignore(p => p.ConcurrencyStamp);
        builder.EntitySet<PlanTarget>("PlanTargets").EntityType.HasKey(t => t.Id);
    }
}
