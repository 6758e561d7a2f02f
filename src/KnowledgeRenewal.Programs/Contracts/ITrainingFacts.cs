using KnowledgeRenewal.Programs.Domain;

namespace KnowledgeRenewal.Programs.Contracts;

/// <summary>
/// What programs need to know about the training that was delivered — answered by credit hours, which records it
/// (classes, rosters, approved credit records). Read city-wide: the facts are aggregates or checks by id, never a
/// list of people, so the caller's access scope does not cut them.
/// </summary>
public interface ITrainingFacts
{
    /// <summary>Whether the project has a finished class with at least one approved credit record (completion needs it).</summary>
    Task<bool> HasFinishedClassWithApprovedRecordsAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>Distinct professionals with approved class or roster records in <paramref name="year"/>, in total and by project type, region and sector.</summary>
    Task<TraineeCounts> TraineesAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// Distinct trainees (the same rule as <see cref="TraineesAsync"/>) in total for each of <paramref name="years"/>,
    /// in one grouped read (the plan list); years without any are left out.
    /// </summary>
    Task<IReadOnlyDictionary<int, int>> TraineeTotalsAsync(IReadOnlyCollection<int> years, CancellationToken cancellationToken);

    /// <summary>
    /// Distinct trainees of <paramref name="year"/> (the same rule as <see cref="TraineesAsync"/>) per region and the
    /// project type of their class, and per sector and project type — the county and department plans' progress by
    /// type, every region and sector in one grouped read each.
    /// </summary>
    Task<IReadOnlyList<ScopedCount>> TraineesByScopeAndTypeAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// Distinct trainees (the same rule as <see cref="TraineesAsync"/>) of each of <paramref name="providerIds"/>'
    /// classes and rosters, per credit year from <paramref name="fromYear"/> to <paramref name="toYear"/> (e.g. a
    /// base's yearly trainees against the program's ≥ 1,000); providers and years without any are left out.
    /// </summary>
    Task<IReadOnlyList<ProviderTrainees>> TraineesByProviderAsync(int fromYear, int toYear, IReadOnlyCollection<Guid> providerIds, CancellationToken cancellationToken);
}

/// <summary>Distinct trainees of one provider in one credit year.</summary>
/// <param name="Year">The credit year.</param>
/// <param name="ProviderId">The provider's organization.</param>
/// <param name="Trainees">Distinct professionals.</param>
public sealed record ProviderTrainees(int Year, Guid ProviderId, int Trainees);

/// <summary>Distinct trainees of a year.</summary>
/// <param name="Total">In total.</param>
/// <param name="ByProjectType">By the type of the project of their class (classes of no project are not counted here).</param>
/// <param name="ByRegion">By the region recorded on the record.</param>
/// <param name="ByDepartment">By the sector recorded on the record.</param>
public sealed record TraineeCounts(
    int Total,
    IReadOnlyDictionary<ProjectType, int> ByProjectType,
    IReadOnlyDictionary<string, int> ByRegion,
    IReadOnlyDictionary<string, int> ByDepartment);
