namespace KnowledgeRenewal.Registry.Domain.Import;

/// <summary>
/// One bulk import of a spreadsheet (professionals, employers, or a class's roster of trainees): who sent which
/// file, how it was processed and what came of it. Visible to its requester and to the program office only. Rows are written in one transaction,
/// so a job that is not <see cref="ImportJobStatus.Completed"/> wrote nothing.
/// </summary>
public sealed class ImportJob
{
    /// <summary>Longest file name kept.</summary>
    public const int FileNameLength = 255;

    /// <summary>Longest <c>Idempotency-Key</c> accepted.</summary>
    public const int IdempotencyKeyLength = 128;

    /// <summary>Longest failure reason kept.</summary>
    public const int FailureReasonLength = 1024;

    /// <summary>Surrogate key (also the address: <c>/api/registry/imports/{id}</c>).</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What the file holds.</summary>
    public ImportKind Kind { get; init; }

    /// <summary>What the file is for, when its kind has a target (a roster: the training class).</summary>
    public Guid? TargetId { get; init; }

    /// <summary>The uploaded file's name (as the client sent it, without any path).</summary>
    public required string FileName { get; init; }

    /// <summary>xlsx or csv.</summary>
    public ImportFormat Format { get; init; }

    /// <summary>SHA-256 of the file (hex).</summary>
    public required string FileSha256 { get; init; }

    /// <summary>Size of the file in bytes.</summary>
    public long FileSize { get; init; }

    /// <summary>All rows or none (default), or the valid rows only.</summary>
    public ImportMode Mode { get; init; }

    /// <summary>Where the job is.</summary>
    public ImportJobStatus Status { get; set; } = ImportJobStatus.Queued;

    /// <summary>The row of the header, as Excel numbers it (1-based).</summary>
    public int HeaderRow { get; set; }

    /// <summary>Data rows in the file (blank rows not counted).</summary>
    public int TotalRows { get; set; }

    /// <summary>Rows checked so far.</summary>
    public int ProcessedRows { get; set; }

    /// <summary>Records created.</summary>
    public int CreatedCount { get; set; }

    /// <summary>Records updated (an employer change counts here: the person moved).</summary>
    public int UpdatedCount { get; set; }

    /// <summary>Rows that matched their record exactly.</summary>
    public int UnchangedCount { get; set; }

    /// <summary>Rows with at least one error.</summary>
    public int RejectedCount { get; set; }

    /// <summary>Records written pending review because a check flagged them (rosters: the same class twice, an overloaded day).</summary>
    public int FlaggedCount { get; set; }

    /// <summary>
    /// Things the requester should know that are not errors of a row (rosters: people recorded by an earlier roster of
    /// the class whom this file no longer lists — their records are kept, not silently revoked).
    /// </summary>
    public int WarningCount { get; set; }

    /// <summary>The warnings and flags, as JSON (an array of <see cref="ImportError"/>, at most <see cref="ImportOptions.MaxReportedErrors"/>).</summary>
    public string? Warnings { get; set; }

    /// <summary>All errors found (the stored list may be shorter, see <see cref="Errors"/>).</summary>
    public int ErrorCount { get; set; }

    /// <summary>The errors, as JSON (an array of <see cref="ImportError"/>, at most <see cref="ImportOptions.MaxReportedErrors"/>).</summary>
    public string? Errors { get; set; }

    /// <summary>The client's <c>Idempotency-Key</c>: a repeated request with the same key gets this job back.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The requesting account.</summary>
    public Guid? RequestedByUserId { get; init; }

    /// <summary>The requesting account's user name.</summary>
    public string? RequestedByUserName { get; init; }

    /// <summary>The requesting account's organization.</summary>
    public Guid? RequestedByOrganizationId { get; init; }

    /// <summary>When the request came (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When the worker took the job (UTC).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When the job ended (UTC).</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>Why the job failed (Chinese; no personal data).</summary>
    public string? FailureReason { get; set; }
}

/// <summary>What an import file holds.</summary>
public enum ImportKind
{
    /// <summary>专业技术人员.</summary>
    Professionals = 1,

    /// <summary>用人单位.</summary>
    Employers = 2,

    /// <summary>学员名单 — the roster of a finished training class (its job's <see cref="ImportJob.TargetId"/> is the class).</summary>
    Roster = 3,
}

/// <summary>The file's format.</summary>
public enum ImportFormat
{
    /// <summary>Office Open XML workbook.</summary>
    Xlsx = 1,

    /// <summary>Comma- (or tab-, semicolon-) separated text.</summary>
    Csv = 2,
}

/// <summary>How rows with errors are treated.</summary>
public enum ImportMode
{
    /// <summary>Any bad row: nothing is written (the default).</summary>
    AllOrNothing = 1,

    /// <summary>The valid rows are written, the others reported.</summary>
    ValidRowsOnly = 2,
}

/// <summary>Where a job is.</summary>
public enum ImportJobStatus
{
    /// <summary>Accepted, waiting for the worker.</summary>
    Queued = 1,

    /// <summary>Rows are being read and checked (and written into the open transaction).</summary>
    Validating = 2,

    /// <summary>Every row is checked; the transaction is being completed.</summary>
    Importing = 3,

    /// <summary>Written (in valid-rows-only mode, the valid rows).</summary>
    Completed = 4,

    /// <summary>Bad rows: nothing was written; see the errors.</summary>
    Rejected = 5,

    /// <summary>The platform failed (database, restart): nothing was written.</summary>
    Failed = 6,
}

/// <summary>Names of <see cref="ImportMode"/> and <see cref="ImportKind"/> as the API spells them.</summary>
public static class ImportNames
{
    /// <summary><c>all-or-nothing</c>.</summary>
    public const string AllOrNothing = "all-or-nothing";

    /// <summary><c>valid-rows-only</c>.</summary>
    public const string ValidRowsOnly = "valid-rows-only";

    /// <summary>The API name of a mode.</summary>
    public static string Of(ImportMode mode) => mode == ImportMode.ValidRowsOnly ? ValidRowsOnly : AllOrNothing;

    /// <summary>The API name of a kind.</summary>
    public static string Of(ImportKind kind) => kind switch
    {
        ImportKind.Employers => "employers",
        ImportKind.Roster => "roster",
        _ => "professionals",
    };

    /// <summary>Parses a mode; null or empty means the default.</summary>
    public static bool TryParseMode(string? text, out ImportMode mode)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || string.Equals(value, AllOrNothing, StringComparison.OrdinalIgnoreCase))
        {
            mode = ImportMode.AllOrNothing;
            return true;
        }

        mode = ImportMode.ValidRowsOnly;
        return string.Equals(value, ValidRowsOnly, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Chinese name of a kind.</summary>
    public static string Chinese(ImportKind kind) => kind switch
    {
        ImportKind.Employers => "用人单位",
        ImportKind.Roster => "学员名单",
        _ => "专业技术人员",
    };
}
