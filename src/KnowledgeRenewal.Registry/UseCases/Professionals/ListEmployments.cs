using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>A professional's employment history, oldest first (404 when the caller may not see the professional).</summary>
/// <param name="Id">The professional.</param>
internal sealed record ListEmployments(Guid Id) : IRequest<IReadOnlyList<EmploymentView>>;

/// <summary>Handles <see cref="ListEmployments"/>.</summary>
internal sealed class ListEmploymentsHandler(PlatformDbContext db) : IRequestHandler<ListEmployments, IReadOnlyList<EmploymentView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<EmploymentView>> Handle(ListEmployments request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Professionals.AnyAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false))
        {
            throw Professional.NotFound(request.Id);
        }

        var employments = db.Employments.AsNoTracking().Where(e => e.ProfessionalId == request.Id).OrderBy(e => e.StartedOn).ThenBy(e => e.RecordedAt);
        return await ProfessionalViews.ProjectEmployments(db, employments).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
