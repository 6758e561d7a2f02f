using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>
/// The registry's intake of uploads for its import worker: reads the multipart upload (field <c>file</c>, size-capped),
/// answers a repeated <c>Idempotency-Key</c> with the first job, inspects the file (400 for anything that cannot be
/// imported), records the job and queues it with a snapshot of the requester's scope. Other areas hand their own
/// files to it (a roster: <see cref="ImportKind.Roster"/> with the class as the target, run by
/// <see cref="IRosterImport"/>).
/// </summary>
public interface IImportIntake
{
    /// <summary>
    /// Accepts the upload of <paramref name="http"/>'s request as a job of <paramref name="kind"/>: 202 with the
    /// <see cref="ImportJobView"/> and its location (<c>/api/registry/imports/{id}</c>), or 200 with the first job
    /// for a repeated idempotency key. Handles <c>POST /api/registry/imports/{kind}</c> (and, with the class as
    /// <paramref name="targetId"/>, <c>POST /api/classes/{id}/roster</c>).
    /// </summary>
    /// <param name="kind">What the file holds.</param>
    /// <param name="http">The request (its body is the upload).</param>
    /// <param name="modeText"><c>all-or-nothing</c> (default) or <c>valid-rows-only</c>.</param>
    /// <param name="cancellationToken">Cancels reading the upload.</param>
    /// <param name="targetId">What the file is for, when its kind has a target.</param>
    Task<IResult> AcceptAsync(ImportKind kind, HttpContext http, string? modeText, CancellationToken cancellationToken, Guid? targetId = null);
}
