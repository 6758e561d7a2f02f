using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Registry.UseCases.Employers;

/// <summary>One employer within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">Id.</param>
internal sealed record GetEmployer(Guid Id) : IRequest<Versioned<EmployerView>>;

/// <summary>Handles <see cref="GetEmployer"/>.</summary>
internal sealed class GetEmployerHandler(PlatformDbContext db) : IRequestHandler<GetEmployer, Versioned<EmployerView>>
{
    /// <inheritdoc />
    public Task<Versioned<EmployerView>> Handle(GetEmployer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EmployerViews.GetAsync(db, request.Id, cancellationToken);
    }
}
