using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>Cancels a planned class. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The class.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
internal sealed record CancelTrainingClass(Guid Id, string? IfMatch) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Handles <see cref="CancelTrainingClass"/> (<see cref="RosterClassRules.Cancel"/>).</summary>
internal sealed class CancelTrainingClassHandler(TrainingClassWriter classes) : IRequestHandler<CancelTrainingClass, Versioned<TrainingClassView>>
{
    /// <inheritdoc />
    public async Task<Versioned<TrainingClassView>> Handle(CancelTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        classes.EnsureWriter();
        var (entity, read) = await classes.LoadAsync(request.Id, request.IfMatch, cancellationToken).ConfigureAwait(false);
        RosterClassRules.Cancel(entity);
        return await classes.SaveNewVersionAsync(entity, read, cancellationToken).ConfigureAwait(false);
    }
}
