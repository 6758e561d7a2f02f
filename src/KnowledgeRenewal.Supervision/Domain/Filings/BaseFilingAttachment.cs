namespace KnowledgeRenewal.Supervision.Domain.Filings;

/// <summary>
/// The attachment of a base's December filing (附件: the signed report, the plan as a document): one file per filing,
/// PDF, JPEG or PNG of at most 10 MB, stored like an inspection's evidence (bytes, detected type, SHA-256). Uploading
/// again replaces it while the filing may still be changed.
/// </summary>
public sealed class BaseFilingAttachment
{
    /// <summary>Longest file name.</summary>
    public const int FileNameLength = 255;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The filing (unique).</summary>
    public Guid FilingId { get; init; }

    /// <summary>The file's name as uploaded.</summary>
    public required string FileName { get; init; }

    /// <summary>The content type detected from the bytes.</summary>
    public required string ContentType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>SHA-256 of the content (hex).</summary>
    public required string Sha256 { get; init; }

    /// <summary>The content.</summary>
    public required byte[] Content { get; init; }

    /// <summary>When uploaded (UTC).</summary>
    public DateTime UploadedAt { get; init; }

    /// <summary>Who uploaded.</summary>
    public string? UploadedByName { get; init; }
}
