using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The objections of a project within the caller's scope.</summary>
/// <param name="ProjectId">The project.</param>
internal sealed record ListObjections(Guid ProjectId) : IRequest<IReadOnlyList<ObjectionView>>;

/// <summary>
/// Handles <see cref="ListObjections"/>: every read goes through <see cref="ObjectionViews"/> — the filer's identity only
/// for the program office (<see cref="ProjectAccess.SeesObjector"/>), whose reads are audited.
/// </summary>
internal sealed class ListObjectionsHandler(PlatformDbContext db, ICurrentAccess access, IAuditTrail audit) : IRequestHandler<ListObjections, IReadOnlyList<ObjectionView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ObjectionView>> Handle(ListObjections request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Projects.AnyAsync(p => p.Id == request.ProjectId, cancellationToken).ConfigureAwait(false))
        {
            throw ProjectViews.NotFound(request.ProjectId);
        }

        var objections = await db.ProjectObjections.AsNoTracking().Where(o => o.ProjectId == request.ProjectId).OrderBy(o => o.FiledAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var seesObjector = ProjectAccess.SeesObjector(access);
        if (seesObjector && objections.Count > 0)
        {
            await audit.RecordAsync(new AuditEvent(AuditActions.PersonalDataViewed, AuditOutcome.Success, nameof(ProjectObjection), request.ProjectId.ToString(),
                $"objection contacts of project, count={objections.Count}"), cancellationToken).ConfigureAwait(false);
        }

        return [.. objections.Select(o => ObjectionViews.Of(o, seesObjector))];
    }
}
