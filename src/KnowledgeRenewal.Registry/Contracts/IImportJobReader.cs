using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// Reads import jobs for other areas' pages (a class's roster uploads): the same views, scope and live progress as
/// <c>GET /api/registry/imports/{id}</c> — the caller's own jobs (the program office: all).
/// </summary>
public interface IImportJobReader
{
    /// <summary>The job with its errors and warnings; 404 when it is not the caller's to see.</summary>
    Task<ImportJobView> GetAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>The jobs of <paramref name="kind"/> for <paramref name="targetId"/> the caller may see, newest first, without their errors.</summary>
    Task<IReadOnlyList<ImportJobView>> ForTargetAsync(ImportKind kind, Guid targetId, int newest, CancellationToken cancellationToken);
}
