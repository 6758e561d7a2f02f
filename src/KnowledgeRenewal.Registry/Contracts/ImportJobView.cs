using System.Text.Json;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Contracts;

/// <summary>An import job as the API shows it.</summary>
/// <param name="Id">The job.</param>
/// <param name="Kind"><c>professionals</c>, <c>employers</c> or <c>roster</c>.</param>
/// <param name="TargetId">What the file is for (a roster: the class), if its kind has a target.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Format"><c>Xlsx</c> or <c>Csv</c>.</param>
/// <param name="FileSha256">SHA-256 of the file.</param>
/// <param name="FileSize">Bytes.</param>
/// <param name="Mode"><c>all-or-nothing</c> or <c>valid-rows-only</c>.</param>
/// <param name="Status">Queued, Validating, Importing, Completed, Rejected or Failed.</param>
/// <param name="HeaderRow">The header's row (1-based).</param>
/// <param name="TotalRows">Data rows.</param>
/// <param name="ProcessedRows">Rows checked so far.</param>
/// <param name="Created">Records created.</param>
/// <param name="Updated">Records updated.</param>
/// <param name="Unchanged">Rows that changed nothing.</param>
/// <param name="Rejected">Rows with errors.</param>
/// <param name="Flagged">Records written pending review (rosters: the same class twice, an overloaded day).</param>
/// <param name="WarningCount">Warnings that are not row errors (rosters: people of an earlier roster missing from this one).</param>
/// <param name="ErrorCount">All errors (<paramref name="Errors"/> may list fewer).</param>
/// <param name="Errors">The errors: row, column, field, code, message.</param>
/// <param name="Warnings">The flags and warnings, as the errors (row 0 for the whole file).</param>
/// <param name="IdempotencyKey">The request's <c>Idempotency-Key</c>.</param>
/// <param name="RequestedByUserId">The requesting account.</param>
/// <param name="RequestedByUserName">Its user name.</param>
/// <param name="RequestedByOrganizationId">Its organization.</param>
/// <param name="CreatedAt">Accepted (UTC).</param>
/// <param name="StartedAt">Started (UTC).</param>
/// <param name="CompletedAt">Ended (UTC).</param>
/// <param name="FailureReason">Why it failed.</param>
/// <param name="Report">The downloadable xlsx report, when there are errors or warnings.</param>
public sealed record ImportJobView(
    Guid Id, string Kind, Guid? TargetId, string FileName, ImportFormat Format, string FileSha256, long FileSize, string Mode, ImportJobStatus Status,
    int HeaderRow, int TotalRows, int ProcessedRows, int Created, int Updated, int Unchanged, int Rejected, int Flagged, int WarningCount, int ErrorCount,
    IReadOnlyList<ImportError>? Errors, IReadOnlyList<ImportError>? Warnings, string? IdempotencyKey, Guid? RequestedByUserId, string? RequestedByUserName, Guid? RequestedByOrganizationId,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt, string? FailureReason, string? Report)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The view of a job (with its errors when <paramref name="withErrors"/>), live progress overlaid.</summary>
    internal static ImportJobView Of(ImportJob job, bool withErrors, (ImportJobStatus Status, int Processed)? live = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        var running = job.Status is ImportJobStatus.Queued or ImportJobStatus.Validating or ImportJobStatus.Importing;
        var (status, processed) = running && live is { } now ? (now.Status, now.Processed) : (job.Status, job.ProcessedRows);
        return new ImportJobView(
            job.Id, ImportNames.Of(job.Kind), job.TargetId, job.FileName, job.Format, job.FileSha256, job.FileSize, ImportNames.Of(job.Mode), status,
            job.HeaderRow, job.TotalRows, processed, job.CreatedCount, job.UpdatedCount, job.UnchangedCount, job.RejectedCount, job.FlaggedCount, job.WarningCount, job.ErrorCount,
            withErrors ? ErrorsOf(job) : null, withErrors ? WarningsOf(job) : null, job.IdempotencyKey, job.RequestedByUserId, job.RequestedByUserName, job.RequestedByOrganizationId,
            job.CreatedAt, job.StartedAt, job.CompletedAt, job.FailureReason, HasReport(job) ? $"/api/registry/imports/{job.Id:D}/report" : null);
    }

    /// <summary>Whether the job has a report to download (errors, or a roster's flags and warnings).</summary>
    internal static bool HasReport(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.ErrorCount > 0 || !string.IsNullOrEmpty(job.Warnings);
    }

    /// <summary>The stored flags and warnings of a job.</summary>
    internal static IReadOnlyList<ImportError> WarningsOf(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return string.IsNullOrEmpty(job.Warnings) ? [] : JsonSerializer.Deserialize<List<ImportError>>(job.Warnings, Json) ?? [];
    }

    /// <summary>The stored errors of a job.</summary>
    internal static IReadOnlyList<ImportError> ErrorsOf(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return string.IsNullOrEmpty(job.Errors) ? [] : JsonSerializer.Deserialize<List<ImportError>>(job.Errors, Json) ?? [];
    }
}
