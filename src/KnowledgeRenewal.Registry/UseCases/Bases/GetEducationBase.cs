using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Bases;

/// <summary>One base designation within the caller's scope (404 otherwise).</summary>
/// <param name="Id">Id.</param>
internal sealed record GetEducationBase(Guid Id) : IRequest<Versioned<EducationBaseView>>;

/// <summary>Handles <see cref="GetEducationBase"/>.</summary>
internal sealed class GetEducationBaseHandler(PlatformDbContext db) : IRequestHandler<GetEducationBase, Versioned<EducationBaseView>>
{
    /// <inheritdoc />
    public Task<Versioned<EducationBaseView>> Handle(GetEducationBase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EducationBaseViews.GetAsync(db, request.Id, cancellationToken);
    }
}
