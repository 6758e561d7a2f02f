using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>
/// The organizations the caller's organization may name as the recommender (推荐单位) of its application — the active
/// county bureaus and line departments that <see cref="ProjectRecommenders.Check"/> accepts for a project of the
/// applicant's own region and sector (what an application gets when it names none). Empty without an organization.
/// </summary>
internal sealed record ListRecommenders : IRequest<IReadOnlyList<RecommenderOption>>;

/// <summary>A recommender on offer.</summary>
/// <param name="Id">The organization.</param>
/// <param name="Name">Its name.</param>
/// <param name="IsCounty">A county bureau (else a line department).</param>
internal sealed record RecommenderOption(Guid Id, string Name, bool IsCounty);

/// <summary>Handles <see cref="ListRecommenders"/> with the domain's own rule (public bodies, read past the registry scope).</summary>
internal sealed class ListRecommendersHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<ListRecommenders, IReadOnlyList<RecommenderOption>>
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecommenderOption>> Handle(ListRecommenders request, CancellationToken cancellationToken)
    {
        if (access.OrganizationId is not { } own
            || await db.Organizations.IgnoreQueryFilters(AccessScope).AsNoTracking().FirstOrDefaultAsync(o => o.Id == own, cancellationToken).ConfigureAwait(false) is not { } applicant)
        {
            return [];
        }

        var candidates = await db.Organizations.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(o => o.IsActive && (o.Type == OrganizationType.CountyBureau || o.Type == OrganizationType.LineDepartment))
            .OrderBy(o => o.Type).ThenBy(o => o.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. candidates
            .Where(o => ProjectRecommenders.Check(applicant, o, applicant.RegionCode, applicant.DepartmentCode) is null)
            .Select(o => new RecommenderOption(o.Id, o.Name, o.Type == OrganizationType.CountyBureau))];
    }
}
