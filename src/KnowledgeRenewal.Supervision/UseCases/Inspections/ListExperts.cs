using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>The expert pool (program office), by name; optionally narrowed by a text in the name, specialty or organization.</summary>
/// <param name="Search">Text to look for.</param>
internal sealed record ListExperts(string? Search = null) : IRequest<IReadOnlyList<ExpertView>>;

/// <summary>Handles <see cref="ListExperts"/>.</summary>
internal sealed class ListExpertsHandler(PlatformDbContext db) : IRequestHandler<ListExperts, IReadOnlyList<ExpertView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ExpertView>> Handle(ListExperts request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = db.Set<Expert>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var text = request.Search.Trim();
            query = query.Where(e => e.Name.Contains(text) || e.Specialty.Contains(text) || e.OrganizationName.Contains(text));
        }

        var experts = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. experts.Select(InspectionViews.Expert)];
    }
}
