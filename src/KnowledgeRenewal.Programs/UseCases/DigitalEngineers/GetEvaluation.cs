using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>One evaluation result (404 outside the caller's scope).</summary>
/// <param name="Id">Id.</param>
internal sealed record GetEvaluation(Guid Id) : IRequest<EvaluationView>;

/// <summary>Handles <see cref="GetEvaluation"/>.</summary>
internal sealed class GetEvaluationHandler(PlatformDbContext db) : IRequestHandler<GetEvaluation, EvaluationView>
{
    /// <inheritdoc />
    public async Task<EvaluationView> Handle(GetEvaluation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await db.DigitalEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("评价结果", request.Id);
        return (await DigitalEngineerViews.EvaluationsAsync(db, [evaluation], cancellationToken).ConfigureAwait(false))[0];
    }
}
