using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>One declaration within the caller's scope (404 otherwise), with its review trail, record and evidence, and its entity tag.</summary>
/// <param name="Id">The declaration.</param>
internal sealed record GetDeclaration(Guid Id) : IRequest<Versioned<DeclarationView>>;

/// <summary>Handles <see cref="GetDeclaration"/>.</summary>
internal sealed class GetDeclarationHandler(PlatformDbContext db) : IRequestHandler<GetDeclaration, Versioned<DeclarationView>>
{
    /// <inheritdoc />
    public Task<Versioned<DeclarationView>> Handle(GetDeclaration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DeclarationViews.GetAsync(db, request.Id, cancellationToken);
    }
}
