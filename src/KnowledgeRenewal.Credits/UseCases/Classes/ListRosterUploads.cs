using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>
/// The roster uploads (学员名单上传) of a class within the caller's scope (404 otherwise), newest first: the registry's
/// import jobs whose target is the class and which the caller may see (their own; the program office all).
/// </summary>
/// <param name="ClassId">The class.</param>
internal sealed record ListRosterUploads(Guid ClassId) : IRequest<IReadOnlyList<ImportJobView>>
{
    /// <summary>How many uploads are listed.</summary>
    public const int Newest = 20;
}

/// <summary>Handles <see cref="ListRosterUploads"/>.</summary>
internal sealed class ListRosterUploadsHandler(PlatformDbContext db, IImportJobReader jobs) : IRequestHandler<ListRosterUploads, IReadOnlyList<ImportJobView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ImportJobView>> Handle(ListRosterUploads request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.TrainingClasses.AnyAsync(c => c.Id == request.ClassId, cancellationToken).ConfigureAwait(false))
        {
            throw TrainingClassViews.NotFound(request.ClassId);
        }

        return await jobs.ForTargetAsync(ImportKind.Roster, request.ClassId, ListRosterUploads.Newest, cancellationToken).ConfigureAwait(false);
    }
}
