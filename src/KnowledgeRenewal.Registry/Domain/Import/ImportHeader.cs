using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain.Import;

/// <summary>Where the header is and which file column holds each field.</summary>
public sealed class ImportHeader
{
    /// <summary>Creates the header map.</summary>
    /// <param name="schema">The kind's columns.</param>
    /// <param name="row">The header's row, 1-based as the user sees it.</param>
    /// <param name="fileColumns">For each schema column, the file's 0-based column, or -1 when absent.</param>
    /// <param name="texts">For each schema column, the header as written in the file (the template's when absent).</param>
    public ImportHeader(ImportSchema schema, int row, int[] fileColumns, string[] texts)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Row = row;
        FileColumns = fileColumns;
        Texts = texts;
    }

    /// <summary>The kind's columns.</summary>
    public ImportSchema Schema { get; }

    /// <summary>The header's row (1-based).</summary>
    public int Row { get; }

    /// <summary>For each schema column, the file's 0-based column, or -1.</summary>
    public IReadOnlyList<int> FileColumns { get; }

    /// <summary>For each schema column, the header as the file writes it.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Whether the file has the field's column.</summary>
    public bool Has(int schemaColumn) => FileColumns[schemaColumn] >= 0;

    /// <summary>The header the user sees for a field (the template's when the file lacks it).</summary>
    public string ColumnFor(string field)
    {
        for (var i = 0; i < Schema.Columns.Count; i++)
        {
            if (Schema.Columns[i].Field == field)
            {
                return Texts[i];
            }
        }

        return field;
    }
}

/// <summary>
/// Finds the header row among the first rows of a sheet: of the rows that name every required column, the one that
/// names the most columns (the lower row of a two-row header whose cells are merged down, rather than the row of
/// group titles above it); the first of equals.
/// </summary>
public static class HeaderDetector
{
    /// <summary>
    /// Finds the header in <paramref name="topRows"/> (the sheet's first rows, index 0 = row 1, merged cells already
    /// filled). Throws <see cref="ImportFileException"/> naming the missing headers when no row has them all, or a
    /// header written twice.
    /// </summary>
    public static ImportHeader Detect(ImportSchema schema, IReadOnlyList<IReadOnlyList<string?>> topRows)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(topRows);
        var required = Enumerable.Range(0, schema.Columns.Count).Where(i => schema.Columns[i].Required).ToArray();
        (int Row, int[] Columns, int Found)? best = null;
        (int Row, int[] Columns, int Found, string? Duplicate)? chosen = null;
        for (var r = 0; r < topRows.Count; r++)
        {
            var columns = Enumerable.Repeat(-1, schema.Columns.Count).ToArray();
            var found = 0;
            string? duplicate = null;
            var cells = topRows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                var index = schema.Recognize(cells[c]);
                if (index < 0)
                {
                    continue;
                }

                if (columns[index] >= 0)
                {
                    // A merged group header spans several columns with one text: only a real duplicate counts.
                    if (!string.Equals(cells[c], cells[columns[index]], StringComparison.Ordinal) || c != columns[index] + 1)
                    {
                        duplicate = schema.Columns[index].Header;
                    }

                    continue;
                }

                columns[index] = c;
                found++;
            }

            if (found > 0 && required.All(i => columns[i] >= 0))
            {
                if (found > (chosen?.Found ?? 0))
                {
                    chosen = (r, columns, found, duplicate);
                }

                continue;
            }

            if (found > (best?.Found ?? 0))
            {
                best = (r, columns, found);
            }
        }

        if (chosen is { } header)
        {
            if (header.Duplicate is not null)
            {
                throw new ImportFileException(
                    ImportProblemCodes.DuplicateHeader,
                    $"第 {header.Row + 1} 行的表头中“{header.Duplicate}”出现了不止一次，请只保留一列。");
            }

            var cells = topRows[header.Row];
            var texts = new string[schema.Columns.Count];
            for (var i = 0; i < texts.Length; i++)
            {
                texts[i] = header.Columns[i] >= 0 ? cells[header.Columns[i]]!.Trim() : schema.Columns[i].Header;
            }

            return new ImportHeader(schema, header.Row + 1, header.Columns, texts);
        }

        if (best is null)
        {
            throw new ImportFileException(
                ImportProblemCodes.MissingHeaders,
                $"在前 {Math.Max(topRows.Count, 1)} 行中没有找到表头。{ImportNames.Chinese(schema.Kind)}导入文件须含以下列：{schema.Describe(required)}。请使用平台提供的导入模板。",
                [.. required.Select(i => Missing(schema.Columns[i].Header))]);
        }

        var missing = required.Where(i => best.Value.Columns[i] < 0).ToArray();
        throw new ImportFileException(
            ImportProblemCodes.MissingHeaders,
            $"第 {best.Value.Row + 1} 行的表头缺少以下必需的列：{schema.Describe(missing)}。请使用平台提供的导入模板。",
            [.. missing.Select(i => Missing(schema.Columns[i].Header))]);
    }

    private static FieldError Missing(string header) =>
        new(header, ImportProblemCodes.MissingHeaders, $"缺少“{header}”列。");
}
