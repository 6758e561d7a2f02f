using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Providers;

/// <summary>One training provider within the caller's scope (404 otherwise).</summary>
/// <param name="Id">Id.</param>
internal sealed record GetTrainingProvider(Guid Id) : IRequest<Versioned<TrainingProviderView>>;

/// <summary>Handles <see cref="GetTrainingProvider"/>.</summary>
internal sealed class GetTrainingProviderHandler(PlatformDbContext db) : IRequestHandler<GetTrainingProvider, Versioned<TrainingProviderView>>
{
    /// <inheritdoc />
    public Task<Versioned<TrainingProviderView>> Handle(GetTrainingProvider request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TrainingProviderViews.GetAsync(db, request.Id, cancellationToken);
    }
}
