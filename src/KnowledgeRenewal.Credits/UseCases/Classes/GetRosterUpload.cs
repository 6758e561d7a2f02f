using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>
/// One roster upload of a class with its live progress, row errors, flags and warnings — the registry's job as
/// <c>GET /api/registry/imports/{id}</c> shows it; 404 when the class is outside the caller's scope or the job is
/// not the caller's to see or not this class's roster.
/// </summary>
/// <param name="ClassId">The class.</param>
/// <param name="JobId">The upload's job.</param>
internal sealed record GetRosterUpload(Guid ClassId, Guid JobId) : IRequest<ImportJobView>
{
    /// <summary>What a missing upload is called.</summary>
    public const string What = "学员名单上传";
}

/// <summary>Handles <see cref="GetRosterUpload"/>.</summary>
internal sealed class GetRosterUploadHandler(PlatformDbContext db, IImportJobReader jobs) : IRequestHandler<GetRosterUpload, ImportJobView>
{
    /// <inheritdoc />
    public async Task<ImportJobView> Handle(GetRosterUpload request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.TrainingClasses.AnyAsync(c => c.Id == request.ClassId, cancellationToken).ConfigureAwait(false))
        {
            throw TrainingClassViews.NotFound(request.ClassId);
        }

        var job = await jobs.GetAsync(request.JobId, cancellationToken).ConfigureAwait(false);
        return job.TargetId == request.ClassId && job.Kind == ImportNames.Of(ImportKind.Roster)
            ? job
            : throw new NotFoundException(GetRosterUpload.What, request.JobId);
    }
}
