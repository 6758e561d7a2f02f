namespace KnowledgeRenewal.Programs.Contracts;

/// <summary>
/// The expert pool (专家库) as project reviews see it — answered by supervision, which keeps the pool, its experts'
/// earlier reviews and inspections and the conflict-of-interest rule (回避). Programs names an expert of the pool by id
/// on every review and keeps the name as a snapshot for the history. Only what is shown publicly of an expert crosses
/// (name, specialty, title, organization): the phone and ID number stay in supervision.
/// </summary>
public interface IReviewExpertPool
{
    /// <summary>The active experts, by name, optionally narrowed by a text in the name, specialty or organization (at most 500).</summary>
    /// <param name="search">Text to look for, or null for all.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<IReadOnlyList<ReviewExpert>> ListAsync(string? search, CancellationToken cancellationToken);

    /// <summary>
    /// Checks that <paramref name="expertId"/> may review a project of <paramref name="organizationIds"/> (its
    /// applicant and provider): the expert exists and is active, works for none of them, and reviewed or inspected
    /// none of them within the pool's conflict window. The answer carries the expert, or why not.
    /// </summary>
    /// <param name="expertId">The expert picked.</param>
    /// <param name="organizationIds">The project's organizations.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<ReviewExpertPick> PickAsync(Guid expertId, IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken);
}

/// <summary>An expert of the pool, as a review shows it.</summary>
/// <param name="Id">The expert.</param>
/// <param name="Name">姓名.</param>
/// <param name="Specialty">专业领域.</param>
/// <param name="Title">职称.</param>
/// <param name="OrganizationId">The expert's organization on the platform, when registered.</param>
/// <param name="OrganizationName">工作单位.</param>
public sealed record ReviewExpert(Guid Id, string Name, string Specialty, string Title, Guid? OrganizationId, string OrganizationName);

/// <summary>The answer to <see cref="IReviewExpertPool.PickAsync"/>.</summary>
/// <param name="Expert">The expert, when found and active.</param>
/// <param name="Conflict">Why the expert may not review the project (e.g. <c>本单位</c>), or null.</param>
public sealed record ReviewExpertPick(ReviewExpert? Expert, string? Conflict);
