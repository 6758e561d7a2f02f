using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>One training record with its version (404 outside the caller's scope).</summary>
/// <param name="Id">Id.</param>
internal sealed record GetTraining(Guid Id) : IRequest<Versioned<TrainingView>>;

/// <summary>Handles <see cref="GetTraining"/>.</summary>
internal sealed class GetTrainingHandler(PlatformDbContext db) : IRequestHandler<GetTraining, Versioned<TrainingView>>
{
    /// <inheritdoc />
    public async Task<Versioned<TrainingView>> Handle(GetTraining request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var training = await db.DigitalTrainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("培训记录", request.Id);
        return new((await DigitalEngineerViews.TrainingsAsync(db, [training], cancellationToken).ConfigureAwait(false))[0], training.ConcurrencyStamp);
    }
}
