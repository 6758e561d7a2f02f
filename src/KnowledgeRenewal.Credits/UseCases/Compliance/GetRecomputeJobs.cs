using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// The bulk recomputation jobs this instance knows, newest first (<paramref name="Id"/>: only that one — 404 when
/// this instance does not know it), as <c>GET /api/compliance/recompute</c> lists them.
/// </summary>
/// <param name="Id">One job, or null for all.</param>
public sealed record GetRecomputeJobs(Guid? Id = null) : IRequest<IReadOnlyList<RecomputeJobView>>;

/// <summary>Handles <see cref="GetRecomputeJobs"/> from <see cref="RecomputeJobs"/>.</summary>
public sealed class GetRecomputeJobsHandler(RecomputeJobs jobs) : IRequestHandler<GetRecomputeJobs, IReadOnlyList<RecomputeJobView>>
{
    /// <inheritdoc />
    public Task<IReadOnlyList<RecomputeJobView>> Handle(GetRecomputeJobs request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<RecomputeJobView> found = request.Id is { } id
            ? [(jobs.Find(id) ?? throw new NotFoundException("重新计算任务", id)).View()]
            : [.. jobs.Recent().Select(j => j.View())];
        return Task.FromResult(found);
    }
}
