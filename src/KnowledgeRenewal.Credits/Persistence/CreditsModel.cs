using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Credit hours' share of the platform model: installed modules and their subjects (a disabled module's are hidden), the ledger, classes,
/// declarations with their evidence, compliance, certificates and their verification log.
/// Credit data follows its person: whoever may see the person now (their current county, sector, employer, the
/// person themself) sees their records, compliance, declarations and certificates — also those from before a move.
/// Providers see the records of their own classes (and, through the professionals' filter, their trainees). The
/// person's current owners are read from the registry's <see cref="ProfessionalOwner"/>, which has no filter of its
/// own: navigating to Professional inside a filter would apply the professionals' filter too (an inner join), which
/// hides a provider's records of trainees it may not otherwise see. Hours are stored as integer hundredths; a
/// read-only decimal copy, computed by the database, serves OData's filters and aggregates.
/// </summary>
internal sealed class CreditsModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ApplyConfigurationsOf<CreditsModel>();
        model.Filter<Subject>(PlatformDbContext.EnabledModulesFilter, (db, s) => s.ModuleKey == null || db.EnabledModuleKeys.Contains(s.ModuleKey));
        model.Filter<InstalledModule>(PlatformDbContext.EnabledModulesFilter, (db, m) => db.EnabledModuleKeys.Contains(m.Key));

        model.ScopeFilter<CreditRecord>(
            (db, r) => db.ScopeAll || db.ScopeCreditFeed
                || (r.ProviderId != null && db.ScopeOrganizations.Contains(r.ProviderId.Value))
                || db.Set<ProfessionalOwner>().Any(o => o.Id == r.ProfessionalId
                    && (db.ScopeRegions.Contains(o.RegionCode) || db.ScopeDepartments.Contains(o.DepartmentCode)
                        || db.ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == db.ScopeUser))));
        model.ScopeFilter<CycleCompliance>(
            (db, c) => db.ScopeAll || db.ScopeCreditFeed
                || db.Set<ProfessionalOwner>().Any(o => o.Id == c.ProfessionalId
                    && (db.ScopeRegions.Contains(o.RegionCode) || db.ScopeDepartments.Contains(o.DepartmentCode)
                        || db.ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == db.ScopeUser))));
        model.ScopeFilter<CreditCertificate>(
            (db, c) => db.ScopeAll || db.ScopeCreditFeed
                || db.Set<ProfessionalOwner>().Any(o => o.Id == c.ProfessionalId
                    && (db.ScopeRegions.Contains(o.RegionCode) || db.ScopeDepartments.Contains(o.DepartmentCode)
                        || db.ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == db.ScopeUser))));

        // Declarations: their reviewers (the employer and the sector at submission, the county) and the person.
        model.ScopeFilter<ActivityDeclaration>(
            (db, d) => db.ScopeAll || db.ScopeOrganizations.Contains(d.EmployerId) || db.ScopeDepartments.Contains(d.DepartmentCode)
                || db.ScopeRegions.Contains(d.RegionCode)
                || db.Set<ProfessionalOwner>().Any(o => o.Id == d.ProfessionalId
                    && (db.ScopeOrganizations.Contains(o.EmployerId) || (o.UserId != null && o.UserId == db.ScopeUser))));
        model.ScopeFilter<EvidenceFile>((db, e) => db.Set<ActivityDeclaration>().Any(d => d.Id == e.DeclarationId));

        // Classes: their provider, the county and sector they are for, and the program office.
        model.ScopeFilter<TrainingClass>(
            (db, c) => db.ScopeAll || db.ScopeCreditFeed || db.ScopeOrganizations.Contains(c.ProviderId)
                || (c.RegionCode != null && db.ScopeRegions.Contains(c.RegionCode))
                || (c.DepartmentCode != null && db.ScopeDepartments.Contains(c.DepartmentCode)));

        // The verification log: the program office.
        model.ScopeFilter<CertificateVerification>((db, _) => db.ScopeAll);

        // Recomputation jobs (ADR 0034): the program office (the worker reads them as the platform).
        model.ScopeFilter<RecomputeJob>((db, _) => db.ScopeAll);

        MirrorHours(model, model.Builder.Entity<CreditRecord>().Property(r => r.HoursDecimal), "Hours", "HoursHundredths");
        MirrorHours(model, model.Builder.Entity<CycleCompliance>().Property(c => c.CountedDecimal), "CountedHours", "CountedHundredths");
        MirrorHours(model, model.Builder.Entity<CycleCompliance>().Property(c => c.RequiredDecimal), "RequiredHours", "RequiredHundredths");
        MirrorHours(model, model.Builder.Entity<TrainingClass>().Property(c => c.HoursDecimal), "Hours", "HoursHundredths");
    }

    /// <inheritdoc />
    public void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<CreditCategory>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<SubjectStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<ActivityType>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<CreditUnit>().HaveConversion<string>().HaveMaxLength(8);
        conventions.Properties<CreditRecordStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<RecordSource>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<RecordWarning>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<TrainingClassStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<DeclarationStatus>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<ComplianceStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<CertificateStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<VerificationResult>().HaveConversion<string>().HaveMaxLength(16);
    }

    // A read-only decimal copy of an integer-hundredths column, computed and stored by the database.
    private static void MirrorHours(PlatformModelBuilder model, PropertyBuilder<decimal> property, string column, string hundredthsColumn)
    {
        var sql = model.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" => $"CONVERT(decimal(12,2), [{hundredthsColumn}] / 100.0)",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => $"CAST(\"{hundredthsColumn}\" AS numeric(14,2)) / 100",
            _ => $"\"{hundredthsColumn}\" / 100.0",
        };
        property.HasColumnName(column).HasPrecision(12, 2).HasComputedColumnSql(sql, stored: true);
    }
}
