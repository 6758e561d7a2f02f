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
    private readonly Dictionary<int, (List<TraineeTuple> Rows, Dictionary<Guid, ProjectType> TypeOfClass)> years = [];

    /// <inheritdoc />
    public Task<bool> HasFinishedClassWithApprovedRecordsAsync(Guid projectId, CancellationToken cancellationToken) =>
        db.TrainingClasses.IgnoreQueryFilters(AccessScope)
            .Where(c => c.ProjectId == projectId && c.Status == TrainingClassStatus.Finished)
            .AnyAsync(c => db.Set<CreditRecord>().IgnoreQueryFilters(AccessScope).Any(r => r.ClassId == c.Id && r.Status == CreditRecordStatus.Approved), cancellationToken);

    /// <inheritdoc />
    public async Task<TraineeCounts> TraineesAsync(int year, CancellationToken cancellationToken)
    {
        var (rows, typeOfClass) = await YearAsync(year, cancellationToken).ConfigureAwait(false);
        return new TraineeCounts(
            rows.Select(r => r.ProfessionalId).Distinct().Count(),
            Count(rows.Where(r => r.ClassId is not null && typeOfClass.ContainsKey(r.ClassId.Value)).Select(r => (typeOfClass[r.ClassId!.Value], r.ProfessionalId))),
            Count(rows.Select(r => (r.RegionCode, r.ProfessionalId))),
            Count(rows.Where(r => r.DepartmentCode != null).Select(r => (r.DepartmentCode!, r.ProfessionalId))));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<int, int>> TraineeTotalsAsync(IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            return new Dictionary<int, int>();
        }

        return await Trained()
            .Where(r => years.Contains(r.CreditYear))
            .GroupBy(r => r.CreditYear)
            .Select(g => new { Year = g.Key, Trainees = g.Select(r => r.ProfessionalId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Year, x => x.Trainees, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScopedCount>> TraineesByScopeAndTypeAsync(int year, CancellationToken cancellationToken)
    {
        var (rows, typeOfClass) = await YearAsync(year, cancellationToken).ConfigureAwait(false);
        var typed = rows.Where(r => r.ClassId is not null && typeOfClass.ContainsKey(r.ClassId.Value))
            .Select(r => (r.ProfessionalId, r.RegionCode, r.DepartmentCode, Type: typeOfClass[r.ClassId!.Value]))
            .ToList();
        return
        [
            .. Count(typed.Select(x => ((x.RegionCode, x.Type), x.ProfessionalId)))
                .Select(x => new ScopedCount(PlanScope.Region, x.Key.RegionCode, x.Key.Type, x.Value)),
            .. Count(typed.Where(x => x.DepartmentCode != null).Select(x => ((x.DepartmentCode!, x.Type), x.ProfessionalId)))
                .Select(x => new ScopedCount(PlanScope.Department, x.Key.Item1, x.Key.Type, x.Value)),
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

    /// <summary>
    /// The year's distinct (person, region, sector, class) tuples of trainees and the project type of every project's
    /// class — one narrow read, counted in memory by the callers: a COUNT(DISTINCT …) per figure walked the year's
    /// records once each (a quarter-second of the plan pages on the demo city). Kept for the request (the service is
    /// scoped): a plan page asks for the city's and the scoped counts of one year.
    /// </summary>
    private async Task<(List<TraineeTuple> Rows, Dictionary<Guid, ProjectType> TypeOfClass)> YearAsync(int year, CancellationToken cancellationToken)
    {
        if (years.TryGetValue(year, out var read))
        {
            return read;
        }

        var rows = await Trained().Where(r => r.CreditYear == year)
            .Select(r => new TraineeTuple(r.ProfessionalId, r.RegionCode, r.DepartmentCode, r.ClassId))
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Classes of projects are few (hundreds a year): their project types are read whole, not per record.
        var typeOfClass = await (
                from c in db.TrainingClasses.IgnoreQueryFilters(AccessScope)
                join p in db.Projects.IgnoreQueryFilters(AccessScope) on c.ProjectId equals p.Id
                select new { c.Id, p.Type })
            .ToDictionaryAsync(c => c.Id, c => c.Type, cancellationToken).ConfigureAwait(false);
        years[year] = (rows, typeOfClass);
        return (rows, typeOfClass);
    }

    // Distinct people per key.
    private static Dictionary<TKey, int> Count<TKey>(IEnumerable<(TKey Key, Guid Person)> pairs)
        where TKey : notnull =>
        pairs.Distinct().GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Count());

    private sealed record TraineeTuple(Guid ProfessionalId, string RegionCode, string? DepartmentCode, Guid? ClassId);

    // A trainee: an approved record of a provider's class or a project's roster (self-declared activities are not training delivered).
    private IQueryable<CreditRecord> Trained() =>
        db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(r => r.Status == CreditRecordStatus.Approved
                && (r.Source == RecordSource.ProjectRoster || r.Source == RecordSource.ProviderClass));
}
