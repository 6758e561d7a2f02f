using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>One thing a target can be about: its key (as <c>PUT /api/annual-plans/{year}</c> takes it) and its Chinese name.</summary>
/// <param name="Key">The project type's name, the region code or the department code.</param>
/// <param name="Name">Its Chinese name.</param>
internal sealed record PlanTargetChoice(string Key, string Name);

/// <summary>What a plan's targets can be about: the project types, the county-level regions and zones, the line departments.</summary>
/// <param name="ProjectTypes">The four project types.</param>
/// <param name="Regions">The regions below the city, in the reference data's order.</param>
/// <param name="Departments">The line departments, in the reference data's order.</param>
internal sealed record PlanTargetChoices(IReadOnlyList<PlanTargetChoice> ProjectTypes, IReadOnlyList<PlanTargetChoice> Regions, IReadOnlyList<PlanTargetChoice> Departments);

/// <summary>
/// The keys a plan's targets may name (the checks of <see cref="SetAnnualPlan"/> accept exactly these), for a form that
/// offers one row per project type, region and department.
/// </summary>
internal sealed record ListPlanTargetChoices : IRequest<PlanTargetChoices>;

/// <summary>Handles <see cref="ListPlanTargetChoices"/> from the reference data.</summary>
internal sealed class ListPlanTargetChoicesHandler(PlatformDbContext db) : IRequestHandler<ListPlanTargetChoices, PlanTargetChoices>
{
    /// <inheritdoc />
    public async Task<PlanTargetChoices> Handle(ListPlanTargetChoices request, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => r.Kind != RegionKind.City).OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new PlanTargetChoice(r.Code, r.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new PlanTargetChoice(d.Code, d.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var types = Enum.GetValues<ProjectType>().Select(t => new PlanTargetChoice(t.ToString(), ProjectLabels.Type(t))).ToList();
        return new PlanTargetChoices(types, regions, departments);
    }
}
