using System.Globalization;
using System.Text;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;
using Sylvan.Data.Csv;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// CSV import files, as Excel and text editors save them: the encoding by its byte-order mark, else strict UTF-8,
/// else GB18030 (Excel's "CSV" on Chinese Windows); the separator (comma, tab — Excel's "Unicode text" — or
/// semicolon) by counting the first lines; records read by Sylvan, whose record size is capped (a line of a million
/// columns is refused, not buffered). Formula-like cells (<see cref="ImportCells.IsFormulaLike"/>) are refused.
/// </summary>
internal static class CsvImportFile
{
    private const int MaxRecordChars = 1 << 20;
    private const int FormulaCellsNamed = 20;

    public static InspectedFile Inspect(string path, ImportSchema schema, ImportOptions options)
    {
        var text = Decode(path);
        var delimiter = DelimiterOf(text);
        var top = new List<IReadOnlyList<string?>>();
        var topValueRows = new List<int>();
        var valueRows = 0;
        var maxColumns = 0;
        var formulas = new List<string>();
        var formulaCount = 0;
        var number = 0;
        Guard(() =>
        {
            using var reader = Open(text, delimiter);
            while (reader.Read())
            {
                number++;
                var count = reader.RowFieldCount;
                if (count > options.MaxColumns)
                {
                    throw ImportFiles.TooManyColumns(count, options);
                }

                maxColumns = Math.Max(maxColumns, count);
                var cells = new string?[count];
                var blank = true;
                for (var i = 0; i < count; i++)
                {
                    var cell = reader.GetString(i);
                    cells[i] = cell;
                    blank &= string.IsNullOrWhiteSpace(cell);
                    if (ImportCells.IsFormulaLike(cell) && formulaCount++ < FormulaCellsNamed)
                    {
                        formulas.Add(ImportSchema.ColumnLetters(i) + number.ToString(CultureInfo.InvariantCulture));
                    }
                }

                if (number <= options.HeaderSearchRows)
                {
                    top.Add(cells);
                    if (!blank)
                    {
                        topValueRows.Add(number);
                    }
                }

                if (!blank && ++valueRows > options.MaxRows + options.HeaderSearchRows)
                {
                    throw ImportFiles.TooManyRows(valueRows - options.HeaderSearchRows, options);
                }
            }
        });

        if (formulaCount > 0)
        {
            throw new ImportFileException(
                ImportProblemCodes.Formula,
                string.Create(CultureInfo.InvariantCulture, $"文件中有 {formulaCount} 个单元格以 =、+、-、@ 开头，看起来是公式（如 {string.Join("、", formulas.Take(5))}）。导入文件不接受公式，请改为数值或文本后重新上传。"),
                [.. formulas.Select(c => new FieldError(c, ImportProblemCodes.Formula, $"单元格 {c} 的内容像公式。"))]);
        }

        if (valueRows == 0)
        {
            throw new ImportFileException(ImportProblemCodes.NoDataRows, "文件是空的。");
        }

        var header = HeaderDetector.Detect(schema, top);
        return new InspectedFile(ImportFormat.Csv, header, valueRows - topValueRows.Count(r => r <= header.Row), maxColumns, null, [], delimiter);
    }

    public static IEnumerable<ImportRow> Read(string path, InspectedFile file, ImportOptions options)
    {
        var text = Decode(path);
        using var reader = Guard(() => Open(text, file.Delimiter));
        var number = 0;
        while (Guard(reader.Read))
        {
            if (++number <= file.Header.Row)
            {
                continue;
            }

            var count = reader.RowFieldCount;
            if (count > options.MaxColumns)
            {
                throw ImportFiles.TooManyColumns(count, options);
            }

            var row = ImportFiles.MapRow(number, column => (column < count ? reader.GetString(column) : "", false), file);
            if (row is not null)
            {
                yield return row;
            }
        }
    }

    private static string Decode(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var encoding = ImportTextEncoding.Detect(bytes, out var preamble);
        if (ImportTextEncoding.LooksBinary(bytes, encoding))
        {
            throw new ImportFileException(ImportProblemCodes.NotCsv, "文件不是文本格式的 CSV（含二进制内容）。请上传 Excel 工作簿（.xlsx）或用 Excel“另存为”CSV 文件。");
        }

        return encoding.GetString(bytes, preamble, bytes.Length - preamble);
    }

    // The separator that occurs most in the first lines (a title line may have none).
    private static char DelimiterOf(string text)
    {
        var lines = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        var counts = new Dictionary<char, int> { [','] = 0, ['\t'] = 0, [';'] = 0 };
        var line = 0;
        foreach (var c in lines)
        {
            if (c == '\n' && ++line >= 10)
            {
                break;
            }

            if (counts.TryGetValue(c, out var n))
            {
                counts[c] = n + 1;
            }
        }

        return counts.MaxBy(p => p.Value) is { Value: > 0 } best ? best.Key : ',';
    }

    private static CsvDataReader Open(string text, char delimiter) =>
        CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            BufferSize = 64 * 1024,
            MaxBufferSize = MaxRecordChars,
            ResultSetMode = ResultSetMode.SingleResult,
        });

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (CsvRecordTooLargeException)
        {
            throw new ImportFileException(ImportProblemCodes.TooManyColumns, "文件中有一行过长（超过 100 万个字符），多半是列数异常或引号不成对。请检查后重新保存。");
        }
        catch (Exception exception) when (exception is CsvFormatException or CsvInvalidCharacterException or CsvConfigurationException or DecoderFallbackException)
        {
            throw new ImportFileException(ImportProblemCodes.Corrupt, "CSV 文件格式有误（例如引号不成对）。请用 Excel 打开后重新另存为 CSV 或 .xlsx 再上传。");
        }
    }

    private static void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });
}
