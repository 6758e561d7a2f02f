using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// <see cref="IImportJobReader"/>: one job through <see cref="GetImport"/> (the API's use case), a target's jobs as
/// <see cref="ListImports"/> reads them (the access-scope filter decides whose; running ones with their live progress).
/// </summary>
internal sealed class ImportJobReader(IMediator mediator, PlatformDbContext db, ImportProgress progress) : IImportJobReader
{
    /// <inheritdoc />
    public Task<ImportJobView> GetAsync(Guid jobId, CancellationToken cancellationToken) => mediator.Send(new GetImport(jobId, null), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImportJobView>> ForTargetAsync(ImportKind kind, Guid targetId, int newest, CancellationToken cancellationToken)
    {
        var jobs = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Kind == kind && j.TargetId == targetId)
            .OrderByDescending(j => j.CreatedAt)
            .Take(Math.Clamp(newest, 1, ListImports.Newest))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. jobs.Select(j => ImportJobView.Of(j, withErrors: false, progress.Current(j.Id)))];
    }
}
