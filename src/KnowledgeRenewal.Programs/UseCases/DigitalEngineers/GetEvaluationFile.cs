using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>One evaluation result with the level certificate issued on it (404 outside the caller's scope).</summary>
/// <param name="Id">The evaluation.</param>
internal sealed record GetEvaluationFile(Guid Id) : IRequest<EvaluationFileView>;

/// <summary>An evaluation and its certificates, as the caller may see them.</summary>
/// <param name="Evaluation">The evaluation result.</param>
/// <param name="Certificates">The certificates issued on it.</param>
internal sealed record EvaluationFileView(EvaluationView Evaluation, IReadOnlyList<DigitalCertificateView> Certificates);

/// <summary>Handles <see cref="GetEvaluationFile"/>: both read within the caller's scope.</summary>
internal sealed class GetEvaluationFileHandler(PlatformDbContext db) : IRequestHandler<GetEvaluationFile, EvaluationFileView>
{
    /// <inheritdoc />
    public async Task<EvaluationFileView> Handle(GetEvaluationFile request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await db.DigitalEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("评价结果", request.Id);
        var certificates = await db.DigitalCertificates.AsNoTracking().Where(c => c.EvaluationId == evaluation.Id)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(
            (await DigitalEngineerViews.EvaluationsAsync(db, [evaluation], cancellationToken).ConfigureAwait(false))[0],
            await DigitalEngineerViews.CertificatesAsync(db, certificates, cancellationToken).ConfigureAwait(false));
    }
}
