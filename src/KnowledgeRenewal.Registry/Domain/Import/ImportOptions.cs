namespace KnowledgeRenewal.Registry.Domain.Import;

/// <summary>Limits and tuning of bulk imports (section <c>Registry:Import</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Registry:Import";

    /// <summary>Largest file accepted (bytes); larger ones get 413 <c>import.file_too_large</c>.</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Most data rows accepted; more get 400 <c>import.too_many_rows</c>.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Most columns a sheet may use; more get 400 <c>import.too_many_columns</c>.</summary>
    public int MaxColumns { get; set; } = 64;

    /// <summary>
    /// Most bytes an xlsx may unpack to, in total (zip bombs: a small file whose sheet XML is huge); more get 400
    /// <c>import.too_large_uncompressed</c>.
    /// </summary>
    public long MaxUncompressedBytes { get; set; } = 400L * 1024 * 1024;

    /// <summary>Most merged ranges an xlsx sheet may have.</summary>
    public int MaxMergedRanges { get; set; } = 10_000;

    /// <summary>How many rows from the top are searched for the header (title rows may come first).</summary>
    public int HeaderSearchRows { get; set; } = 10;

    /// <summary>Errors kept with a job (all are counted).</summary>
    public int MaxReportedErrors { get; set; } = 1_000;

    /// <summary>Jobs waiting for the worker; more get 503 <c>import.queue_full</c>.</summary>
    public int QueueCapacity { get; set; } = 32;

    /// <summary>Longest wait <c>GET …/imports/{id}?wait=</c> allows (seconds).</summary>
    public int MaxWaitSeconds { get; set; } = 30;

    /// <summary>Rows checked and written per batch (one look-up query per batch).</summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>Folder for uploaded files while their job waits or runs (relative to the data directory); emptied at start.</summary>
    public string WorkFolder { get; set; } = "imports";

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (MaxFileBytes < 1024)
        {
            problems.Add("Registry:Import:MaxFileBytes must be at least 1024.");
        }

        if (MaxRows < 1)
        {
            problems.Add("Registry:Import:MaxRows must be at least 1.");
        }

        if (MaxColumns is < 13 or > 16_384)
        {
            problems.Add("Registry:Import:MaxColumns must be between 13 (the template's columns) and 16384.");
        }

        if (MaxUncompressedBytes < MaxFileBytes)
        {
            problems.Add("Registry:Import:MaxUncompressedBytes must not be below MaxFileBytes.");
        }

        if (HeaderSearchRows is < 1 or > 100)
        {
            problems.Add("Registry:Import:HeaderSearchRows must be between 1 and 100.");
        }

        if (MaxReportedErrors < 1 || QueueCapacity < 1 || MaxWaitSeconds < 0 || BatchSize < 1 || MaxMergedRanges < 0)
        {
            problems.Add("Registry:Import: MaxReportedErrors, QueueCapacity and BatchSize must be positive; MaxWaitSeconds and MaxMergedRanges not negative.");
        }

        return problems;
    }
}
