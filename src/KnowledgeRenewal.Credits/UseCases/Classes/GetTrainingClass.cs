using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using Mapster;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>One class within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">The class.</param>
internal sealed record GetTrainingClass(Guid Id) : IRequest<Versioned<TrainingClassView>>;

/// <summary>Handles <see cref="GetTrainingClass"/>.</summary>
internal sealed class GetTrainingClassHandler(PlatformDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetTrainingClass, Versioned<TrainingClassView>>
{
    /// <inheritdoc />
    public Task<Versioned<TrainingClassView>> Handle(GetTrainingClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TrainingClassViews.GetAsync(db, mapping, request.Id, cancellationToken);
    }
}
