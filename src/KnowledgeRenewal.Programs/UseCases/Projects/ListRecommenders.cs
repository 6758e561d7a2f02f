using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>
/// The organizations an application may name as its recommender (推荐单位, <see cref="Domain.ProjectRecommenders"/>):
/// the active county bureaus and line departments — public bodies, listed whatever the caller's registry scope.
/// </summary>
internal sealed record ListRecommenders : IRequest<IReadOnlyList<RecommenderOption>>;

/// <summary>A recommender on offer.</summary>
/// <param name="Id">The organization.</param>
/// <param name="Name">Its name.</param>
/// <param name="IsCounty">A county bureau (else a line department).</param>
internal sealed record RecommenderOption(Guid Id, string Name, bool IsCounty);

/// <summary>Handles <see cref="ListRecommenders"/>.</summary>
internal sealed class ListRecommendersHandler(PlatformDbContext db) : IRequestHandler<ListRecommenders, IReadOnlyList<RecommenderOption>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RecommenderOption>> Handle(ListRecommenders request, CancellationToken cancellationToken) =>
        await db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(o => o.IsActive && (o.Type == OrganizationType.CountyBureau || o.Type == OrganizationType.LineDepartment))
            .OrderBy(o => o.Type).ThenBy(o => o.Name)
            .Select(o => new RecommenderOption(o.Id, o.Name, o.Type == OrganizationType.CountyBureau))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
