using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain.Import;

/// <summary>Stable codes of import problems (whole-file problems are 400/413/415 answers; row problems are report entries).</summary>
public static class ImportProblemCodes
{
    /// <summary>The file is larger than allowed (413).</summary>
    public const string FileTooLarge = "import.file_too_large";

    /// <summary>The request has no file (multipart field <c>file</c>).</summary>
    public const string FileMissing = "import.file_missing";

    /// <summary>The request is not <c>multipart/form-data</c> (415).</summary>
    public const string MultipartRequired = "import.multipart_required";

    /// <summary>The file name's extension is neither .xlsx nor .csv.</summary>
    public const string UnsupportedFileType = "import.unsupported_file_type";

    /// <summary>The file is not an xlsx workbook (another format renamed, an old .xls, a broken zip).</summary>
    public const string NotXlsx = "import.not_xlsx";

    /// <summary>The file is not a text CSV (binary content).</summary>
    public const string NotCsv = "import.not_csv";

    /// <summary>The workbook or text cannot be read (broken XML, damaged parts).</summary>
    public const string Corrupt = "import.corrupt";

    /// <summary>The workbook unpacks to more than allowed (zip bomb).</summary>
    public const string TooLargeUncompressed = "import.too_large_uncompressed";

    /// <summary>More data rows than allowed.</summary>
    public const string TooManyRows = "import.too_many_rows";

    /// <summary>More columns than allowed.</summary>
    public const string TooManyColumns = "import.too_many_columns";

    /// <summary>Cells with formulas (xlsx) or formula-like text (csv) — refused.</summary>
    public const string Formula = "import.formula";

    /// <summary>Required headers are missing (named in the message and <c>missing</c>).</summary>
    public const string MissingHeaders = "import.missing_headers";

    /// <summary>A header appears twice.</summary>
    public const string DuplicateHeader = "import.duplicate_header";

    /// <summary>The sheet has no data rows below the header.</summary>
    public const string NoDataRows = "import.no_data_rows";

    /// <summary>The <c>mode</c> parameter is neither <c>all-or-nothing</c> nor <c>valid-rows-only</c>.</summary>
    public const string InvalidMode = "import.invalid_mode";

    /// <summary>The <c>Idempotency-Key</c> header is too long or not printable ASCII.</summary>
    public const string InvalidIdempotencyKey = "import.invalid_idempotency_key";

    /// <summary>The <c>Idempotency-Key</c> was used before for another file or kind (409).</summary>
    public const string IdempotencyKeyReused = "import.idempotency_key_reused";

    /// <summary>Too many imports are waiting (503).</summary>
    public const string QueueFull = "import.queue_full";

    /// <summary>The job has no report (it had no errors, or it is still running).</summary>
    public const string NoReport = "import.no_report";

    /// <summary>Row: the same ID number / credit code appears in more than one row of the file.</summary>
    public const string DuplicateInFile = "import.duplicate_in_file";

    /// <summary>Row: a long number (ID number, credit code) was stored by Excel as a number and lost digits.</summary>
    public const string NumberPrecision = "import.number_precision";
}

/// <summary>
/// A whole-file problem: 400 (or <paramref name="status"/>) with a stable code, a Chinese explanation and, where
/// useful, one entry per item (each missing header, each formula cell) in <c>errors</c>.
/// </summary>
public sealed class ImportFileException(string code, string detail, IReadOnlyList<FieldError>? errors = null, int status = 400)
    : PlatformException(code, status, "导入文件无法处理", detail, errors);

/// <summary>One problem of one row: the row as Excel numbers it, the column's header, the field, a stable code and a Chinese message.</summary>
/// <param name="Row">1-based row number as the user sees it (0 for the whole file).</param>
/// <param name="Column">The column's header as the file writes it.</param>
/// <param name="Field">The field (API name).</param>
/// <param name="Code">Stable machine code.</param>
/// <param name="Message">Chinese message.</param>
public sealed record ImportError(int Row, string Column, string Field, string Code, string Message);

/// <summary>
/// The errors of a job, from any thread: all are counted, the first <c>capacity</c> (by arrival) are kept, and the
/// rows with errors are remembered (to count them and to leave them out in valid-rows-only mode).
/// </summary>
public sealed class ImportErrorCollector(int capacity)
{
    private readonly Lock gate = new();
    private readonly List<ImportError> kept = [];
    private readonly HashSet<int> rows = [];
    private int count;

    /// <summary>All errors so far.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Rows with at least one error.</summary>
    public int RowCount
    {
        get
        {
            lock (gate)
            {
                return rows.Count;
            }
        }
    }

    /// <summary>Records an error.</summary>
    public void Add(ImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (gate)
        {
            count++;
            rows.Add(error.Row);
            if (kept.Count < capacity)
            {
                kept.Add(error);
            }
        }
    }

    /// <summary>Records a field error of the rules for a row, naming the column as the file writes it.</summary>
    public void Add(int row, FieldError error, ImportHeader header)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(header);
        Add(new ImportError(row, header.ColumnFor(error.Field), error.Field, error.Code, error.Message));
    }

    /// <summary>Whether the row has an error.</summary>
    public bool HasErrors(int row)
    {
        lock (gate)
        {
            return rows.Contains(row);
        }
    }

    /// <summary>The kept errors, by row.</summary>
    public IReadOnlyList<ImportError> Snapshot()
    {
        lock (gate)
        {
            return [.. kept.OrderBy(e => e.Row)];
        }
    }
}
