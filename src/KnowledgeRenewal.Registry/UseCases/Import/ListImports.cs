using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>The newest import jobs the caller may see (their own; the program office all), without their errors.</summary>
internal sealed record ListImports : IRequest<IReadOnlyList<ImportJobView>>
{
    /// <summary>How many jobs the list shows.</summary>
    public const int Newest = 50;
}

/// <summary>Handles <see cref="ListImports"/>: the access-scope filter decides whose jobs; running ones show their live progress.</summary>
internal sealed class ListImportsHandler(PlatformDbContext db, ImportProgress progress) : IRequestHandler<ListImports, IReadOnlyList<ImportJobView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ImportJobView>> Handle(ListImports request, CancellationToken cancellationToken)
    {
        var jobs = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(ListImports.Newest).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. jobs.Select(j => ImportJobView.Of(j, withErrors: false, progress.Current(j.Id)))];
    }
}
