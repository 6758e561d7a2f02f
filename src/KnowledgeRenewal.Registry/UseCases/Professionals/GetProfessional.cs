using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>One professional within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">Id.</param>
internal sealed record GetProfessional(Guid Id) : IRequest<Versioned<ProfessionalView>>;

/// <summary>Handles <see cref="GetProfessional"/>.</summary>
internal sealed class GetProfessionalHandler(PlatformDbContext db) : IRequestHandler<GetProfessional, Versioned<ProfessionalView>>
{
    /// <inheritdoc />
    public Task<Versioned<ProfessionalView>> Handle(GetProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ProfessionalViews.GetAsync(db, request.Id, cancellationToken);
    }
}
