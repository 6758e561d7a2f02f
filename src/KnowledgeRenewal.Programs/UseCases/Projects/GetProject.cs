using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>One project with its history and reviews (404 outside the caller's scope).</summary>
/// <param name="Id">The project.</param>
internal sealed record GetProject(Guid Id) : IRequest<Versioned<ProjectDetail>>;

/// <summary>Handles <see cref="GetProject"/>.</summary>
internal sealed class GetProjectHandler(PlatformDbContext db) : IRequestHandler<GetProject, Versioned<ProjectDetail>>
{
    /// <inheritdoc />
    public Task<Versioned<ProjectDetail>> Handle(GetProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ProjectViews.GetAsync(db, request.Id, cancellationToken);
    }
}
