using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>An organization that may be listed in the catalog.</summary>
/// <param name="Id">The organization.</param>
/// <param name="Name">Its name.</param>
/// <param name="TypeName">施教机构 / 继续教育基地.</param>
internal sealed record CatalogCandidate(Guid Id, string Name, string TypeName);

/// <summary>
/// The organizations <see cref="ListInstitution"/> would accept, within the caller's scope: active training providers
/// and education bases (<see cref="DigitalEngineerRules.CheckListable"/>) not in the catalog yet (one entry each), by name.
/// </summary>
internal sealed record ListCatalogCandidates : IRequest<IReadOnlyList<CatalogCandidate>>;

/// <summary>Handles <see cref="ListCatalogCandidates"/>.</summary>
internal sealed class ListCatalogCandidatesHandler(PlatformDbContext db) : IRequestHandler<ListCatalogCandidates, IReadOnlyList<CatalogCandidate>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CatalogCandidate>> Handle(ListCatalogCandidates request, CancellationToken cancellationToken)
    {
        var listed = db.Set<DigitalInstitution>();
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && (o.Type == OrganizationType.TrainingProvider || o.Type == OrganizationType.EducationBase))
            .Where(o => !listed.Any(i => i.OrganizationId == o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Type })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Where(o => DigitalEngineerRules.CheckListable(o.Type, o.Name) is null)
            .Select(o => new CatalogCandidate(o.Id, o.Name, o.Type == OrganizationType.TrainingProvider ? "施教机构" : "继续教育基地"))];
    }
}
