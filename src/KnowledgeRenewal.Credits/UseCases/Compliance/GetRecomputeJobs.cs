using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// The bulk recomputation jobs, as stored (ADR 0034): every queued or running one and the newest 50 finished ones,
/// newest first (<paramref name="Id"/>: only that one — 404 when there is none), as <c>GET /api/compliance/recompute</c>
/// lists them.
/// </summary>
/// <param name="Id">One job, or null for all.</param>
/// <param name="LatestOnly">Only the newest job (none when there is none), in one query — for the workbench card.</param>
public sealed record GetRecomputeJobs(Guid? Id = null, bool LatestOnly = false) : IRequest<IReadOnlyList<RecomputeJobView>>;

/// <summary>Handles <see cref="GetRecomputeJobs"/> from the table <c>RecomputeJobs</c>.</summary>
public sealed class GetRecomputeJobsHandler(PlatformDbContext db) : IRequestHandler<GetRecomputeJobs, IReadOnlyList<RecomputeJobView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RecomputeJobView>> Handle(GetRecomputeJobs request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Id is { } id)
        {
            var job = await RecomputeJobStore.FindAsync(db, id, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("重新计算任务", id);
            return [RecomputeJobView.Of(job)];
        }

        if (request.LatestOnly)
        {
            return await RecomputeJobStore.LatestAsync(db, cancellationToken).ConfigureAwait(false) is { } latest ? [RecomputeJobView.Of(latest)] : [];
        }

        return [.. (await RecomputeJobStore.RecentAsync(db, cancellationToken).ConfigureAwait(false)).Select(RecomputeJobView.Of)];
    }
}
