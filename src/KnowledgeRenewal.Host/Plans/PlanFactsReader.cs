using KnowledgeRenewal.Core.Ledger;
using KnowledgeRenewal.Core.Plans;
using KnowledgeRenewal.Core.Projects;
using KnowledgeRenewal.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Host.Plans;

/// <summary>
/// Counts a year's facts (<see cref="PlanFacts"/>) from the database, city-wide: plan progress is an aggregate the
/// plan's readers all see alike, so the access-scope filter is lifted for the whole of each query (never for one side
/// of a join); disabled modules stay hidden.
/// </summary>
public sealed class PlanFactsReader(PlatformDbContext db)
{
    /// <summary>States of a project that has been approved (here or upstream) and not rejected.</summary>
    public static IReadOnlyList<ProjectStatus> ApprovedStatuses { get; } =
        [ProjectStatus.Approved, ProjectStatus.PublicNotice, ProjectStatus.Published, ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Archived];

    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>The facts of <paramref name="year"/>.</summary>
    public async Task<PlanFacts> ReadAsync(int year, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.CreditYear == year && ApprovedStatuses.Contains(p.Status))
            .GroupBy(p => new { p.Type, p.RegionCode, p.DepartmentCode })
            .Select(g => new { g.Key.Type, g.Key.RegionCode, g.Key.DepartmentCode, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var trained = db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(r => r.CreditYear == year
                && r.Status == CreditRecordStatus.Approved
                && (r.Source == RecordSource.ProjectRoster || r.Source == RecordSource.ProviderClass));
        var total = await trained.Select(r => r.ProfessionalId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        var byRegion = await trained.GroupBy(r => r.RegionCode)
            .Select(g => new { g.Key, Count = g.Select(r => r.ProfessionalId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        var byDepartment = await trained.Where(r => r.DepartmentCode != null).GroupBy(r => r.DepartmentCode!)
            .Select(g => new { g.Key, Count = g.Select(r => r.ProfessionalId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        var byType = await (
                from r in trained
                join c in db.TrainingClasses.IgnoreQueryFilters(AccessScope) on r.ClassId equals c.Id
                join p in db.Projects.IgnoreQueryFilters(AccessScope) on c.ProjectId equals p.Id
                group r.ProfessionalId by p.Type into g
                select new { g.Key, Count = g.Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);

        return new PlanFacts
        {
            ProjectsByType = projects.GroupBy(p => p.Type).ToDictionary(g => g.Key, g => g.Sum(p => p.Count)),
            ProjectsByRegion = projects.GroupBy(p => p.RegionCode).ToDictionary(g => g.Key, g => g.Sum(p => p.Count)),
            ProjectsByDepartment = projects.Where(p => p.DepartmentCode != null).GroupBy(p => p.DepartmentCode!).ToDictionary(g => g.Key, g => g.Sum(p => p.Count)),
            Trainees = total,
            TraineesByType = byType,
            TraineesByRegion = byRegion,
            TraineesByDepartment = byDepartment,
        };
    }
}
