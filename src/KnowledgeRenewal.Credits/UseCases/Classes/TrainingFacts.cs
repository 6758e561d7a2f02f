using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>
/// Answers programs' questions about delivered training from classes and credit records (<see cref="ITrainingFacts"/>),
/// city-wide: the access-scope filter is lifted for the whole of each query (never for one side of a join); disabled
/// modules stay hidden.
/// </summary>
internal sealed class TrainingFacts(PlatformDbContext db) : ITrainingFacts
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public Task<bool> HasFinishedClassWithApprovedRecordsAsync(Guid projectId, CancellationToken cancellationToken) =>
        db.TrainingClasses.IgnoreQueryFilters(AccessScope)
            .Where(c => c.ProjectId == projectId && c.Status == TrainingClassStatus.Finished)
            .AnyAsync(c => db.Set<CreditRecord>().IgnoreQueryFilters(AccessScope).Any(r => r.ClassId == c.Id && r.Status == CreditRecordStatus.Approved), cancellationToken);

    /// <inheritdoc />
    public async Task<TraineeCounts> TraineesAsync(int year, CancellationToken cancellationToken)
    {
        var trained = Trained().Where(r => r.CreditYear == year);
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

        return new TraineeCounts(total, byType, byRegion, byDepartment);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScopedCount>> TraineesByScopeAndTypeAsync(int year, CancellationToken cancellationToken)
    {
        var typed =
            from r in Trained().Where(r => r.CreditYear == year)
            join c in db.TrainingClasses.IgnoreQueryFilters(AccessScope) on r.ClassId equals c.Id
            join p in db.Projects.IgnoreQueryFilters(AccessScope) on c.ProjectId equals p.Id
            select new { r.ProfessionalId, r.RegionCode, r.DepartmentCode, p.Type };
        var byRegion = await typed.GroupBy(x => new { x.RegionCode, x.Type })
            .Select(g => new { g.Key.RegionCode, g.Key.Type, Count = g.Select(x => x.ProfessionalId).Distinct().Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byDepartment = await typed.Where(x => x.DepartmentCode != null).GroupBy(x => new { x.DepartmentCode, x.Type })
            .Select(g => new { g.Key.DepartmentCode, g.Key.Type, Count = g.Select(x => x.ProfessionalId).Distinct().Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. byRegion.Select(x => new ScopedCount(PlanScope.Region, x.RegionCode, x.Type, x.Count)),
            .. byDepartment.Select(x => new ScopedCount(PlanScope.Department, x.DepartmentCode!, x.Type, x.Count)),
        ];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProviderTrainees>> TraineesByProviderAsync(int fromYear, int toYear, IReadOnlyCollection<Guid> providerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(providerIds);
        if (providerIds.Count == 0)
        {
            return [];
        }

        return await Trained()
            .Where(r => r.CreditYear >= fromYear && r.CreditYear <= toYear && r.ProviderId != null && providerIds.Contains(r.ProviderId.Value))
            .GroupBy(r => new { r.CreditYear, ProviderId = r.ProviderId!.Value })
            .Select(g => new ProviderTrainees(g.Key.CreditYear, g.Key.ProviderId, g.Select(r => r.ProfessionalId).Distinct().Count()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    // A trainee: an approved record of a provider's class or a project's roster (self-declared activities are not training delivered).
    private IQueryable<CreditRecord> Trained() =>
        db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(r => r.Status == CreditRecordStatus.Approved
                && (r.Source == RecordSource.ProjectRoster || r.Source == RecordSource.ProviderClass));
}
