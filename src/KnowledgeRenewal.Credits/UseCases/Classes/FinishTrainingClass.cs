using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>Finishes a planned class after its last day (its roster can then be uploaded). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The class.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
internal sealed record FinishTrainingClass(Guid Id, string? IfMatch) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Handles <see cref="FinishTrainingClass"/> (<see cref="RosterClassRules.Finish"/>).</summary>
internal sealed class FinishTrainingClassHandler(TrainingClassWriter classes, TimeProvider clock) : IRequestHandler<FinishTrainingClass, Versioned<TrainingClassView>>
{
    /// <inheritdoc />
    public async Task<Versioned<TrainingClassView>> Handle(FinishTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        classes.EnsureWriter();
        var (entity, read) = await classes.LoadAsync(request.Id, request.IfMatch, cancellationToken).ConfigureAwait(false);
        RosterClassRules.Finish(entity, ProgramCalendar.Today(clock));
        return await classes.SaveNewVersionAsync(entity, read, cancellationToken).ConfigureAwait(false);
    }
}
