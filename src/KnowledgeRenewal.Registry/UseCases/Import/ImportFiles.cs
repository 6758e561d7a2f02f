using System.Globalization;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// Reads import files: <see cref="Inspect"/> checks a whole file before a job is accepted (format, size after
/// unpacking, rows, columns, formulas, header) and throws <see cref="ImportFileException"/> — a 400 — for anything
/// wrong with it; <see cref="ReadRows"/> then streams its data rows. Nothing here loads a whole sheet into memory.
/// </summary>
internal static class ImportFiles
{
    /// <summary>The format of a file by its name's extension; null when neither .xlsx nor .csv.</summary>
    public static ImportFormat? FormatOf(string? fileName) => Path.GetExtension(fileName ?? "").ToUpperInvariant() switch
    {
        ".XLSX" => ImportFormat.Xlsx,
        ".CSV" or ".TXT" => ImportFormat.Csv,
        _ => null,
    };

    /// <summary>Checks the file and finds its header; throws <see cref="ImportFileException"/> when it cannot be imported.</summary>
    public static InspectedFile Inspect(string path, ImportFormat format, ImportSchema schema, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = format == ImportFormat.Xlsx ? XlsxImportFile.Inspect(path, schema, options) : CsvImportFile.Inspect(path, schema, options);
        if (file.DataRows == 0)
        {
            throw new ImportFileException(ImportProblemCodes.NoDataRows, $"表头（第 {file.Header.Row} 行）下面没有数据行。");
        }

        if (file.DataRows > options.MaxRows)
        {
            throw TooManyRows(file.DataRows, options);
        }

        return file;
    }

    /// <summary>The data rows below the header, blank rows skipped; throws <see cref="ImportFileException"/> when the file turns out to be damaged.</summary>
    public static IEnumerable<ImportRow> ReadRows(string path, InspectedFile file, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var rows = file.Format == ImportFormat.Xlsx ? XlsxImportFile.Read(path, file) : CsvImportFile.Read(path, file, options);
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > options.MaxRows)
            {
                throw TooManyRows(count, options);
            }

            yield return row;
        }
    }

    internal static ImportFileException TooManyRows(int rows, ImportOptions options) => new(
        ImportProblemCodes.TooManyRows,
        string.Create(CultureInfo.InvariantCulture, $"文件有 {rows} 行以上的数据，超过了单次导入 {options.MaxRows} 行的上限，请拆分成多个文件分批导入。"));

    internal static ImportFileException TooManyColumns(int columns, ImportOptions options) => new(
        ImportProblemCodes.TooManyColumns,
        string.Create(CultureInfo.InvariantCulture, $"文件使用了 {columns} 列以上，超过了 {options.MaxColumns} 列的上限。请删除多余的列（导入模板只有十几列）。"));

    /// <summary>Maps one sheet row (cells by 0-based column) to the schema's fields; null when the row is blank.</summary>
    internal static ImportRow? MapRow(int number, Func<int, (string Text, bool Rounded)> cell, InspectedFile file)
    {
        var header = file.Header;
        var columns = header.FileColumns;
        var values = new string?[columns.Count];
        List<ImportError>? errors = null;
        var blank = true;
        for (var i = 0; i < values.Length; i++)
        {
            if (columns[i] < 0)
            {
                continue;
            }

            var (text, rounded) = cell(columns[i]);
            var field = header.Schema.Columns[i].Field;
            if (ImportCells.LongCodeFields.Contains(field) && (rounded || ImportCells.IsScientificNumber(text)))
            {
                (errors ??= []).Add(ImportCells.RoundedNumber(number, header.Texts[i], field));
                blank = false;
                text = "";
            }

            values[i] = text;
            blank &= string.IsNullOrWhiteSpace(text);
        }

        return blank ? null : new ImportRow(number, values, errors);
    }
}
