using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>
/// Programs' <see cref="IReviewExpertPool"/>: the pool's active experts, and the conflict-of-interest check
/// (<see cref="ExpertConflicts"/>: own organization, or a review or inspection of the same organization within
/// <c>Supervision:Inspections:ConflictMonths</c>) run when the program office picks an expert for a project review —
/// the same rule and the same earlier work (<see cref="ExpertWorkReader"/>) as an inspection draw.
/// </summary>
internal sealed class ReviewExpertPool(PlatformDbContext db, ExpertWorkReader work, IOptions<InspectionOptions> options, TimeProvider clock) : IReviewExpertPool
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewExpert>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        var query = db.Set<Expert>().AsNoTracking().Where(e => e.Active);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(e => e.Name.Contains(text) || e.Specialty.Contains(text) || e.OrganizationName.Contains(text));
        }

        return await query.OrderBy(e => e.Name).ThenBy(e => e.Id).Take(500)
            .Select(e => new ReviewExpert(e.Id, e.Name, e.Specialty, e.Title, e.OrganizationId, e.OrganizationName))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ReviewExpertPick> PickAsync(Guid expertId, IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var expert = await db.Set<Expert>().AsNoTracking().Where(e => e.Id == expertId && e.Active)
            .Select(e => new ReviewExpert(e.Id, e.Name, e.Specialty, e.Title, e.OrganizationId, e.OrganizationName))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (expert is null)
        {
            return new(null, null);
        }

        var earlier = (await work.ReadAsync([expertId], null, cancellationToken).ConfigureAwait(false))[expertId].ToList();
        var today = ProgramCalendar.Today(clock);
        var conflict = organizationIds.Select(o => ExpertConflicts.Reason(expert.OrganizationId, o, earlier, today, options.Value.ConflictMonths)).FirstOrDefault(r => r is not null);
        return new(expert, conflict);
    }
}
