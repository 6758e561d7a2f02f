using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>One training record with the evaluations and certificates that followed it (404 outside the caller's scope).</summary>
/// <param name="Id">The training.</param>
internal sealed record GetTrainingFile(Guid Id) : IRequest<TrainingFileView>;

/// <summary>A training and what followed it, as the caller may see it.</summary>
/// <param name="Training">The training record.</param>
/// <param name="Evaluations">Its evaluation results, newest first.</param>
/// <param name="Certificates">Its certificates, newest first.</param>
internal sealed record TrainingFileView(TrainingView Training, IReadOnlyList<EvaluationView> Evaluations, IReadOnlyList<DigitalCertificateView> Certificates);

/// <summary>Handles <see cref="GetTrainingFile"/>: the training, its evaluations and certificates, each read within the caller's scope.</summary>
internal sealed class GetTrainingFileHandler(PlatformDbContext db) : IRequestHandler<GetTrainingFile, TrainingFileView>
{
    /// <inheritdoc />
    public async Task<TrainingFileView> Handle(GetTrainingFile request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var training = await db.DigitalTrainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("培训记录", request.Id);
        var evaluations = await db.DigitalEvaluations.AsNoTracking().Where(e => e.TrainingId == training.Id)
            .OrderByDescending(e => e.EvaluatedOn).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var certificates = await db.DigitalCertificates.AsNoTracking().Where(c => c.TrainingId == training.Id)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(
            (await DigitalEngineerViews.TrainingsAsync(db, [training], cancellationToken).ConfigureAwait(false))[0],
            await DigitalEngineerViews.EvaluationsAsync(db, evaluations, cancellationToken).ConfigureAwait(false),
            await DigitalEngineerViews.CertificatesAsync(db, certificates, cancellationToken).ConfigureAwait(false));
    }
}
