using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>How many projects within the caller's scope are in each workflow state (the review queue's counts per step).</summary>
internal sealed record CountProjectsByStatus : IRequest<IReadOnlyList<ProjectStatusCount>>;

/// <summary>The projects in one state.</summary>
/// <param name="Status">The state.</param>
/// <param name="StatusName">The state, in Chinese.</param>
/// <param name="Count">How many.</param>
internal sealed record ProjectStatusCount(ProjectStatus Status, string StatusName, int Count);

/// <summary>Handles <see cref="CountProjectsByStatus"/>: one grouped count in the database, every state listed in workflow order.</summary>
internal sealed class CountProjectsByStatusHandler(PlatformDbContext db) : IRequestHandler<CountProjectsByStatus, IReadOnlyList<ProjectStatusCount>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectStatusCount>> Handle(CountProjectsByStatus request, CancellationToken cancellationToken)
    {
        var counts = await db.Projects.AsNoTracking().GroupBy(p => p.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken).ConfigureAwait(false);
        return [.. Enum.GetValues<ProjectStatus>().Select(s => new ProjectStatusCount(s, ProjectLabels.Status(s), counts.GetValueOrDefault(s)))];
    }
}
