using System.Globalization;
using System.IO.Compression;
using System.Xml;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;
using MiniExcelLibs;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// xlsx import files. Before MiniExcel sees a workbook, one streaming pass over its parts (XmlReader, no DTDs, every
/// byte counted against <see cref="ImportOptions.MaxUncompressedBytes"/>) checks what MiniExcel does not: the zip
/// is intact and not a bomb, the first sheet's rows and columns are within the limits, no cell holds a formula
/// (MiniExcel would silently read its cached value), and where cells are merged. MiniExcel then reads the header
/// area and, later, streams the data rows (<c>QueryRange</c>, bounded to the used columns); merged ranges are filled
/// from their top-left cell (a header merged over two rows, an employer code merged down a block of people).
/// </summary>
internal static class XlsxImportFile
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int ExcelMaxRows = 1_048_576;
    private const int FormulaCellsNamed = 20;

    public static InspectedFile Inspect(string path, ImportSchema schema, ImportOptions options)
    {
        CheckSignature(path);
        string sheetName;
        Scan scan;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > options.MaxUncompressedBytes)
            {
                throw Bomb(options);
            }

            var budget = new Budget(options.MaxUncompressedBytes);
            string sheetPath;
            (sheetName, sheetPath) = FirstSheet(zip, budget);
            if (zip.GetEntry("xl/sharedStrings.xml") is { } strings)
            {
                Drain(strings, budget);
            }

            var sheet = zip.GetEntry(sheetPath) ?? throw Corrupt("找不到第一个工作表的内容。");
            scan = ScanSheet(sheet, budget, options);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(ImportProblemCodes.NotXlsx, "文件已损坏：它不是完整的 xlsx（zip）文件。请用 Excel 重新另存为 .xlsx 后再上传。");
        }
        catch (XmlException exception)
        {
            throw Corrupt($"工作簿的内容格式有误（{exception.LineNumber} 行 {exception.LinePosition} 列）。");
        }

        if (scan.FormulaCount > 0)
        {
            throw new ImportFileException(
                ImportProblemCodes.Formula,
                string.Create(CultureInfo.InvariantCulture, $"工作表中有 {scan.FormulaCount} 个单元格含公式（如 {string.Join("、", scan.FormulaCells.Take(5))}）。导入文件不接受公式，请将这些单元格“选择性粘贴为数值”后重新上传。"),
                [.. scan.FormulaCells.Select(c => new FieldError(c, ImportProblemCodes.Formula, $"单元格 {c} 含公式。"))]);
        }

        if (scan.MaxColumn < 0)
        {
            throw new ImportFileException(ImportProblemCodes.NoDataRows, "第一个工作表是空的。");
        }

        var top = TopRows(path, sheetName, scan, options);
        var header = HeaderDetector.Detect(schema, top);
        var dataRows = scan.ValueRows - scan.TopValueRows.Count(r => r <= header.Row);
        return new InspectedFile(ImportFormat.Xlsx, header, dataRows, scan.MaxColumn + 1, sheetName, scan.Merges, ',');
    }

    public static IEnumerable<ImportRow> Read(string path, InspectedFile file)
    {
        var header = file.Header;
        var letters = Enumerable.Range(0, file.ColumnCount).Select(ImportSchema.ColumnLetters).ToArray();
        var merges = file.Merges.Where(m => m.LastRow > header.Row).OrderBy(m => m.FirstRow).ToList();
        var active = new List<(CellRange Range, object? Value)>();
        var next = 0;
        IEnumerator<object>? rows = null;
        try
        {
            rows = Guard(() => MiniExcel.QueryRange(path, useHeaderRow: false, sheetName: file.SheetName, excelType: ExcelType.XLSX,
                startCell: "A" + (header.Row + 1).ToString(CultureInfo.InvariantCulture),
                endCell: letters[^1] + ExcelMaxRows.ToString(CultureInfo.InvariantCulture)).GetEnumerator());
            for (var number = header.Row + 1; Guard(rows.MoveNext); number++)
            {
                var cells = (IDictionary<string, object?>)rows.Current;
                active.RemoveAll(m => m.Range.LastRow < number);
                while (next < merges.Count && merges[next].FirstRow <= number)
                {
                    var range = merges[next++];
                    if (range.FirstRow == number && range.FirstColumn < letters.Length)
                    {
                        active.Add((range, cells.TryGetValue(letters[range.FirstColumn], out var top) ? top : null));
                    }
                }

                var row = ImportFiles.MapRow(number, column => Text(Cell(cells, letters, active, number, column)), file);
                if (row is not null)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            rows?.Dispose();
        }
    }

    private static object? Cell(IDictionary<string, object?> cells, string[] letters, List<(CellRange Range, object? Value)> merges, int row, int column)
    {
        foreach (var (range, value) in merges)
        {
            if (row >= range.FirstRow && row <= range.LastRow && column >= range.FirstColumn && column <= range.LastColumn)
            {
                return value;
            }
        }

        return column < letters.Length && cells.TryGetValue(letters[column], out var cell) ? cell : null;
    }

    private static (string Text, bool Rounded) Text(object? value) => value switch
    {
        null => ("", false),
        string s => (s, false),
        double d => ImportCells.NumberText(d) is { } text ? (text, false) : ("", true),
        DateTime date => (ImportCells.DateText(date), false),
        bool b => (b ? "TRUE" : "FALSE", false),
        IFormattable formattable => (formattable.ToString(null, CultureInfo.InvariantCulture), false),
        _ => (value.ToString() ?? "", false),
    };

    // The sheet's first rows as text, merged cells filled, for the header search.
    private static List<IReadOnlyList<string?>> TopRows(string path, string sheetName, Scan scan, ImportOptions options)
    {
        var width = scan.MaxColumn + 1;
        var height = options.HeaderSearchRows;
        var grid = new List<string?[]>();
        var source = Guard(() => MiniExcel.QueryRange(path, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX,
            startCell: "A1", endCell: ImportSchema.ColumnLetters(scan.MaxColumn) + height.ToString(CultureInfo.InvariantCulture)).GetEnumerator());
        using (source)
        {
            while (grid.Count < height && Guard(source.MoveNext))
            {
                var cells = (IDictionary<string, object?>)source.Current;
                var row = new string?[width];
                for (var c = 0; c < width; c++)
                {
                    row[c] = cells.TryGetValue(ImportSchema.ColumnLetters(c), out var value) ? Text(value).Text : null;
                }

                grid.Add(row);
            }
        }

        foreach (var range in scan.Merges.Where(m => m.FirstRow <= grid.Count && m.FirstColumn < width))
        {
            var value = grid[range.FirstRow - 1][range.FirstColumn];
            for (var r = range.FirstRow; r <= Math.Min(range.LastRow, grid.Count); r++)
            {
                for (var c = range.FirstColumn; c <= Math.Min(range.LastColumn, width - 1); c++)
                {
                    if (string.IsNullOrEmpty(grid[r - 1][c]))
                    {
                        grid[r - 1][c] = value;
                    }
                }
            }
        }

        return [.. grid];
    }

    // MiniExcel's own exceptions on damaged content become a 400 (or a rejected job), never a 500.
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is not (ImportFileException or OperationCanceledException or OutOfMemoryException))
        {
            throw Corrupt("工作表内容无法读取（" + exception.GetType().Name + "）。请用 Excel 打开后重新另存为 .xlsx 再上传。");
        }
    }

    private static void CheckSignature(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read >= 4 && head[..4].SequenceEqual((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return;
        }

        if (read >= 4 && head[..4].SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            throw new ImportFileException(ImportProblemCodes.NotXlsx, "这是旧版 Excel 97-2003（.xls）文件或受密码保护的工作簿。请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再上传。");
        }

        throw new ImportFileException(ImportProblemCodes.NotXlsx, "文件不是 xlsx 格式（扩展名为 .xlsx，内容却是别的格式）。请上传 Excel 工作簿（.xlsx）或 CSV 文件。");
    }

    // The workbook's first sheet: its name and its part.
    private static (string Name, string Path) FirstSheet(ZipArchive zip, Budget budget)
    {
        var workbookPath = "xl/workbook.xml";
        if (zip.GetEntry("_rels/.rels") is { } packageRels)
        {
            foreach (var (type, target, _) in Relationships(packageRels, budget))
            {
                if (type.EndsWith("/officeDocument", StringComparison.Ordinal))
                {
                    workbookPath = target.TrimStart('/');
                }
            }
        }

        var workbook = zip.GetEntry(workbookPath) ?? throw new ImportFileException(ImportProblemCodes.NotXlsx, "文件是 zip 压缩包，但不是 Excel 工作簿（找不到工作簿内容）。");
        string? name = null, id = null;
        using (var reader = Xml(workbook, budget))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    name = reader.GetAttribute("name");
                    id = reader.GetAttribute("id", RelationshipsNamespace);
                    break;
                }
            }
        }

        if (name is null || id is null)
        {
            throw new ImportFileException(ImportProblemCodes.NoDataRows, "工作簿中没有工作表。");
        }

        var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relsPath = folder + "_rels/" + workbookPath[folder.Length..] + ".rels";
        var rels = zip.GetEntry(relsPath) ?? throw Corrupt("找不到工作表的关系定义。");
        foreach (var (_, target, relationshipId) in Relationships(rels, budget))
        {
            if (relationshipId == id)
            {
                return (name, target.StartsWith('/') ? target[1..] : folder + target);
            }
        }

        throw Corrupt("找不到第一个工作表的内容。");
    }

    private static List<(string Type, string Target, string Id)> Relationships(ZipArchiveEntry entry, Budget budget)
    {
        var list = new List<(string, string, string)>();
        using var reader = Xml(entry, budget);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
            {
                list.Add((reader.GetAttribute("Type") ?? "", reader.GetAttribute("Target") ?? "", reader.GetAttribute("Id") ?? ""));
            }
        }

        return list;
    }

    private static void Drain(ZipArchiveEntry entry, Budget budget)
    {
        using var reader = Xml(entry, budget);
        while (reader.Read())
        {
        }
    }

    private static Scan ScanSheet(ZipArchiveEntry sheet, Budget budget, ImportOptions options)
    {
        var names = new NameTable();
        string row = names.Add("row"), cell = names.Add("c"), value = names.Add("v"), inline = names.Add("is"), formula = names.Add("f"), merge = names.Add("mergeCell");
        var scan = new Scan();
        using var reader = Xml(sheet, budget, names);
        int currentRow = 0, currentColumn = -1;
        var rowHasValue = false;
        var rowLimit = options.MaxRows + options.HeaderSearchRows;
        void EndRow()
        {
            if (rowHasValue)
            {
                scan.ValueRows++;
                if (currentRow <= options.HeaderSearchRows)
                {
                    scan.TopValueRows.Add(currentRow);
                }

                if (scan.ValueRows > rowLimit)
                {
                    throw ImportFiles.TooManyRows(scan.ValueRows - options.HeaderSearchRows, options);
                }
            }

            rowHasValue = false;
        }

        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var name = reader.LocalName;
            if (ReferenceEquals(name, row))
            {
                EndRow();
                currentRow = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > currentRow ? r : currentRow + 1;
                if (currentRow > ExcelMaxRows)
                {
                    throw Corrupt("工作表的行号超出了 Excel 的范围。");
                }

                currentColumn = -1;
            }
            else if (ReferenceEquals(name, cell))
            {
                var reference = reader.GetAttribute("r");
                currentColumn = reference is null ? currentColumn + 1 : ColumnOf(reference);
                if (currentColumn >= options.MaxColumns)
                {
                    throw ImportFiles.TooManyColumns(currentColumn + 1, options);
                }

                scan.MaxColumn = Math.Max(scan.MaxColumn, currentColumn);
            }
            else if (ReferenceEquals(name, value) || ReferenceEquals(name, inline))
            {
                rowHasValue |= !reader.IsEmptyElement;
            }
            else if (ReferenceEquals(name, formula))
            {
                if (scan.FormulaCount++ < FormulaCellsNamed)
                {
                    scan.FormulaCells.Add(ImportSchema.ColumnLetters(Math.Max(currentColumn, 0)) + currentRow.ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (ReferenceEquals(name, merge) && Range(reader.GetAttribute("ref")) is { } range)
            {
                if (scan.Merges.Count >= options.MaxMergedRanges)
                {
                    throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"工作表中合并单元格超过 {options.MaxMergedRanges} 处，请取消合并后再上传。"));
                }

                scan.Merges.Add(range);
            }
        }

        EndRow();
        return scan;
    }

    // "AB12" → 27 (0-based column); throws on a reference beyond Excel's last column (XFD).
    private static int ColumnOf(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384)
            {
                throw Corrupt($"单元格引用“{reference[..Math.Min(reference.Length, 16)]}”超出了 Excel 的范围。");
            }
        }

        return i == 0 ? throw Corrupt("单元格引用格式有误。") : column - 1;
    }

    private static CellRange? Range(string? reference)
    {
        var parts = reference?.Split(':');
        if (parts is not { Length: 2 })
        {
            return null;
        }

        var (r1, c1) = Position(parts[0]);
        var (r2, c2) = Position(parts[1]);
        return r1 > 0 && r2 >= r1 && c2 >= c1 ? new CellRange(r1, c1, r2, c2) : null;
    }

    private static (int Row, int Column) Position(string reference)
    {
        var column = ColumnOf(reference);
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        return (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0, column);
    }

    private static XmlReader Xml(ZipArchiveEntry entry, Budget budget, XmlNameTable? names = null)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
            NameTable = names,
        };
        return XmlReader.Create(new CountingStream(entry.Open(), budget), settings);
    }

    private static ImportFileException Corrupt(string detail) => new(ImportProblemCodes.Corrupt, detail);

    private static ImportFileException Bomb(ImportOptions options) => new(
        ImportProblemCodes.TooLargeUncompressed,
        string.Create(CultureInfo.InvariantCulture, $"工作簿解压后超过 {options.MaxUncompressedBytes / 1024 / 1024} MB，不予处理（可能是异常文件）。请只保留需要导入的数据后重新保存。"));

    private sealed class Scan
    {
        public int ValueRows { get; set; }

        public List<int> TopValueRows { get; } = [];

        public int MaxColumn { get; set; } = -1;

        public int FormulaCount { get; set; }

        public List<string> FormulaCells { get; } = [];

        public List<CellRange> Merges { get; } = [];
    }

    // Bytes unpacked so far, across all parts of one workbook.
    private sealed class Budget(long limit)
    {
        private long remaining = limit;

        public long Limit { get; } = limit;

        public void Spend(int bytes)
        {
            remaining -= bytes;
            if (remaining < 0)
            {
                throw new ImportFileException(
                    ImportProblemCodes.TooLargeUncompressed,
                    string.Create(CultureInfo.InvariantCulture, $"工作簿解压后超过 {Limit / 1024 / 1024} MB，不予处理（可能是异常文件）。请只保留需要导入的数据后重新保存。"));
            }
        }
    }

    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
