using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// An import job with its status, progress, counts and errors (404 unless it is the caller's or the caller is the
/// program office); with <paramref name="Wait"/>, waits up to so many seconds (at most
/// <see cref="ImportOptions.MaxWaitSeconds"/>) for it to end.
/// </summary>
/// <param name="Id">The job.</param>
/// <param name="Wait">Seconds to wait for the end (none by default).</param>
internal sealed record GetImport(Guid Id, int? Wait) : IRequest<ImportJobView>
{
    /// <summary>What a missing job is called.</summary>
    public const string What = "导入任务";
}

/// <summary>Handles <see cref="GetImport"/>: reads the job again until it ends or the wait is over (woken when this instance finishes it).</summary>
internal sealed class GetImportHandler(PlatformDbContext db, ImportProgress progress, IOptions<ImportOptions> options) : IRequestHandler<GetImport, ImportJobView>
{
    /// <inheritdoc />
    public async Task<ImportJobView> Handle(GetImport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Clamp(request.Wait ?? 0, 0, options.Value.MaxWaitSeconds));
        while (true)
        {
            var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == request.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException(GetImport.What, request.Id);
            var done = job.Status is ImportJobStatus.Completed or ImportJobStatus.Rejected or ImportJobStatus.Failed;
            var left = deadline - DateTime.UtcNow;
            if (done || left <= TimeSpan.Zero)
            {
                return ImportJobView.Of(job, withErrors: true, progress.Current(request.Id));
            }

            var pause = TimeSpan.FromMilliseconds(Math.Min(500, left.TotalMilliseconds));
            await Task.WhenAny(progress.WhenFinished(request.Id) ?? Task.Delay(pause, cancellationToken), Task.Delay(pause, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
