using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>
/// Counts a year's facts (<see cref="PlanFacts"/>) — projects from the database, trainees from credit hours
/// (<see cref="ITrainingFacts"/>) — city-wide: plan progress is an aggregate the
/// plan's readers all see alike, so the access-scope filter is lifted for the whole of each query (never for one side
/// of a join); disabled modules stay hidden.
/// </summary>
internal sealed class PlanFactsReader(PlatformDbContext db, ITrainingFacts training)
{
    /// <summary>States of a project that has been approved (here or upstream) and not rejected.</summary>
    public static IReadOnlyList<ProjectStatus> ApprovedStatuses { get; } =
        [ProjectStatus.Approved, ProjectStatus.PublicNotice, ProjectStatus.Published, ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Archived];

    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>
    /// The totals of each of <paramref name="years"/> — approved projects per type and distinct trainees, what a plan's
    /// total target is compared with — in one grouped read each, whatever the number of years (the plan list).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, PlanFacts>> TotalsAsync(IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(years);
        var projects = await db.Projects.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => years.Contains(p.CreditYear) && ApprovedStatuses.Contains(p.Status))
            .GroupBy(p => new { p.CreditYear, p.Type })
            .Select(g => new { g.Key.CreditYear, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var trainees = await training.TraineeTotalsAsync(years, cancellationToken).ConfigureAwait(false);
        return years.Distinct().ToDictionary(y => y, y => new PlanFacts
        {
            ProjectsByType = projects.Where(p => p.CreditYear == y).ToDictionary(p => p.Type, p => p.Count),
            Trainees = trainees.GetValueOrDefault(y),
        });
    }

    /// <summary>
    /// The facts of <paramref name="year"/>; with <paramref name="scoped"/>, also per region and department by project
    /// type (<see cref="PlanFacts.ForScope"/>: the counties' and departments' plans) — one more grouped read.
    /// </summary>
    public async Task<PlanFacts> ReadAsync(int year, CancellationToken cancellationToken, bool scoped = false)
    {
        var projects = await db.Projects.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.CreditYear == year && ApprovedStatuses.Contains(p.Status))
            .GroupBy(p => new { p.Type, p.RegionCode, p.DepartmentCode })
            .Select(g => new { g.Key.Type, g.Key.RegionCode, g.Key.DepartmentCode, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var trainees = await training.TraineesAsync(year, cancellationToken).ConfigureAwait(false);
        var scopedTrainees = scoped ? await training.TraineesByScopeAndTypeAsync(year, cancellationToken).ConfigureAwait(false) : [];
        IReadOnlyList<ScopedCount> scopedProjects = scoped
            ?
            [
                .. projects.GroupBy(p => new { p.RegionCode, p.Type }).Select(g => new ScopedCount(PlanScope.Region, g.Key.RegionCode, g.Key.Type, g.Sum(p => p.Count))),
                .. projects.Where(p => p.DepartmentCode != null).GroupBy(p => new { p.DepartmentCode, p.Type })
                    .Select(g => new ScopedCount(PlanScope.Department, g.Key.DepartmentCode!, g.Key.Type, g.Sum(p => p.Count))),
            ]
            : [];

        return new PlanFacts
        {
            ProjectsByType = projects.GroupBy(p => p.Type).ToDictionary(g => g.Key, g => g.Sum(p => p.Count)),
            ProjectsByRegion = projects.GroupBy(p => p.RegionCode).ToDictionary(g => g.Key, g => g.Sum(p => p.Count)),
            ProjectsByDepartment = projects.Where(p => p.DepartmentCode != null).GroupBy(p => p.DepartmentCode!).ToDictionary(g => g.Key, g => g.Sum(p => p.Count)),
            Trainees = trainees.Total,
            TraineesByType = trainees.ByProjectType,
            TraineesByRegion = trainees.ByRegion,
            TraineesByDepartment = trainees.ByDepartment,
            ScopedProjects = scopedProjects,
            ScopedTrainees = scopedTrainees,
        };
    }
}
