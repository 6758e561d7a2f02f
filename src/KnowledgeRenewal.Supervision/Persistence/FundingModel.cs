using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Supervision.Domain.Funding;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>
/// The scope of funding: a project's spending, vouchers and approved category budgets follow the project (Programs'
/// scope filter: the program office all, a county its region's, a department its sector's, the applicant and the
/// host their own). Fee standards follow the base's organization like filings (the program office all, a base its own,
/// a county its region's); employers' training funds follow the employer like organizations (the program office all,
/// an employer its own, a county its region's, a department its sector's).
/// </summary>
internal sealed class FundingModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ScopeFilter<SpendingLine>((db, l) => db.ScopeAll || db.Set<Project>().Any(p => p.Id == l.ProjectId));
        model.ScopeFilter<SpendingVoucher>((db, v) => db.ScopeAll || db.Set<SpendingLine>().Any(l => l.Id == v.Id));
        model.ScopeFilter<ProjectCategoryBudget>((db, b) => db.ScopeAll || db.Set<Project>().Any(p => p.Id == b.ProjectId));
        model.ScopeFilter<FeeStandard>(
            (db, f) => db.ScopeAll || f.OrganizationId == db.ScopeHomeOrganization
                || (f.RegionCode != null && db.ScopeRegions.Contains(f.RegionCode))
                || db.ScopeOrganizations.Contains(f.OrganizationId));
        model.ScopeFilter<EmployerTrainingFund>(
            (db, f) => db.ScopeAll || f.EmployerId == db.ScopeHomeOrganization
                || (f.RegionCode != null && db.ScopeRegions.Contains(f.RegionCode))
                || (f.DepartmentCode != null && db.ScopeDepartments.Contains(f.DepartmentCode))
                || db.ScopeOrganizations.Contains(f.EmployerId));
    }
}
