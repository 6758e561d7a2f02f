using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>
/// The registry's share of the platform model: professionals and their employment history, employers and training
/// providers (organizations of the tree), base designations, import jobs. Scope: professionals (and their history)
/// — the program office and clients granted the registry feed all; a county its region; a department its sector; an
/// employer its staff; a person themselves; a provider the people on its rosters. Base designations as their
/// organization. Import jobs: their requester and the program office.
/// </summary>
internal sealed class RegistryModel : IPlatformModelPart
{
    /// <summary>The roster table a provider's trainees are read from (the ledger's, by name: the registry does not know its type).</summary>
    private const string ProviderTraineesSql = "SELECT \"ProfessionalId\", \"ProviderId\" FROM \"CreditRecords\" WHERE \"ProviderId\" IS NOT NULL";

    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ApplyConfigurationsOf<RegistryModel>();
        model.ScopeFilter<Professional>(
            (db, p) => db.ScopeAll || db.ScopeRegistryFeed
                || db.ScopeRegions.Contains(p.RegionCode)
                || db.ScopeDepartments.Contains(p.DepartmentCode)
                || db.ScopeOrganizations.Contains(p.EmployerId)
                || (p.UserId != null && p.UserId == db.ScopeUser)
                || db.Set<ProviderTrainee>().Any(t => t.ProfessionalId == p.Id && db.ScopeOrganizations.Contains(t.ProviderId)));
        model.ScopeFilter<Employment>(
            (db, e) => db.ScopeAll || db.ScopeRegistryFeed
                || db.ScopeRegions.Contains(e.Professional!.RegionCode)
                || db.ScopeDepartments.Contains(e.Professional!.DepartmentCode)
                || db.ScopeOrganizations.Contains(e.Professional!.EmployerId)
                || (e.Professional!.UserId != null && e.Professional!.UserId == db.ScopeUser));
        model.ScopeFilter<EducationBase>(
            (db, b) => db.ScopeAll || db.ScopeAccounts || db.ScopeOrganizationFeed || b.OrganizationId == db.ScopeHomeOrganization
                || db.ScopeRegions.Contains(b.Organization!.RegionCode)
                || (b.Organization!.DepartmentCode != null && db.ScopeDepartments.Contains(b.Organization!.DepartmentCode))
                || db.ScopeOrganizations.Contains(b.OrganizationId));
        model.ScopeFilter<ImportJob>((db, j) => db.ScopeAll || (j.RequestedByUserId != null && j.RequestedByUserId == db.ScopeUser));

        // Owners of people, read without the professionals' own filter (see ProfessionalOwner).
        model.Builder.Entity<ProfessionalOwner>().HasNoKey().ToSqlQuery(
            "SELECT \"Id\", \"RegionCode\", \"DepartmentCode\", \"EmployerId\", \"UserId\" FROM \"Professionals\"");
        model.Builder.Entity<ProviderTrainee>().HasNoKey().ToSqlQuery(ProviderTraineesSql);
    }

    /// <inheritdoc />
    public void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<Gender>().HaveConversion<string>().HaveMaxLength(8);
        conventions.Properties<TitleLevel>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<EducationLevel>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<ProfessionalStatus>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<Ownership>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<ProviderKind>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<BaseLevel>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<BaseStatus>().HaveConversion<string>().HaveMaxLength(16);
    }
}
