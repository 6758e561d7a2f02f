using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>
/// Reads what the share check of the nested plans needs (<see cref="PlanShareRules"/>): every county's and department's
/// targets of a year in one query. The sums cross counties, so the access-scope filter is lifted for that one query;
/// the excesses shown to a county or department are then cut to its own (<see cref="Visible"/>).
/// </summary>
internal sealed class PlanShareReader(PlatformDbContext db, ICurrentAccess access)
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>Every target of every county's and department's plan of <paramref name="year"/>.</summary>
    public async Task<IReadOnlyList<NestedPlanFigure>> NestedAsync(int year, CancellationToken cancellationToken)
    {
        var rows = await db.PlanTargets.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(t => t.Year == year && t.Scope != PlanScope.City)
            .Select(t => new { t.Scope, t.ScopeCode, t.Kind, t.Key, t.Projects, t.Trainees })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new NestedPlanFigure(r.Scope, r.ScopeCode, new PlanFigure(r.Kind, r.Key, r.Projects, r.Trainees)))];
    }

    /// <summary>A plan's targets as the share check reads them.</summary>
    public static IReadOnlyList<PlanFigure> Figures(IEnumerable<PlanTarget> targets) =>
        [.. targets.Select(t => new PlanFigure(t.Kind, t.Key, t.Projects, t.Trainees))];

    /// <summary>Names of the regions and departments (codes share no values, so one dictionary names both).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return regions.Concat(departments).ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);
    }

    /// <summary>The counties (not the city itself) and the line departments, in the reference data's order.</summary>
    public async Task<IReadOnlyList<(PlanScope Scope, string Code, string Name)>> ScopesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => r.Kind != RegionKind.City).OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. regions.Select(r => (PlanScope.Region, r.Code, r.Name)), .. departments.Select(d => (PlanScope.Department, d.Code, d.Name))];
    }

    /// <summary>Names a target's key for messages: a project type's Chinese name, a region's or department's name.</summary>
    public static Func<PlanTargetKind, string, string> Namer(IReadOnlyDictionary<string, string> names) => (kind, key) => kind switch
    {
        PlanTargetKind.ProjectType when Enum.TryParse<ProjectType>(key, out var type) => ProjectLabels.Type(type),
        _ => names.GetValueOrDefault(key, key),
    };

    /// <summary>The excesses the caller may see: every one for the program office; sums and its own for a county or department.</summary>
    public IReadOnlyList<PlanShareExcess> Visible(IReadOnlyList<PlanShareExcess> excesses) =>
        [.. excesses.Where(e => e.Code.Length == 0 || AnnualPlanAccess.MayRead(access, e.Scope, e.Code))];
}
