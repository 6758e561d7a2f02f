using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Supervision.Domain.Funding;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>
/// The scope of funding: a project's spending, vouchers and approved category budgets follow the project (Programs'
/// scope filter: the program office all, a county its region's, a department its sector's, the applicant and the
/// host their own).
/// </summary>
internal sealed class FundingModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ScopeFilter<SpendingLine>((db, l) => db.ScopeAll || db.Set<Project>().Any(p => p.Id == l.ProjectId));
        model.ScopeFilter<SpendingVoucher>((db, v) => db.ScopeAll || db.Set<SpendingLine>().Any(l => l.Id == v.Id));
        model.ScopeFilter<ProjectCategoryBudget>((db, b) => db.ScopeAll || db.Set<Project>().Any(p => p.Id == b.ProjectId));
    }
}
