using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>
/// The scope of complaints: the program office all; a county bureau the complaints assigned to its county; a line
/// department those assigned to its sector. Nobody else — not the provider, base or project complained about (the
/// filer is protected), not integrator clients.
/// </summary>
internal sealed class ComplaintsModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model) =>
        model.ScopeFilter<Complaint>(
            (db, c) => db.ScopeAll
                || (c.AssigneeRegionCode != null && db.ScopeRegions.Contains(c.AssigneeRegionCode))
                || (c.AssigneeDepartmentCode != null && db.ScopeDepartments.Contains(c.AssigneeDepartmentCode)));
}
