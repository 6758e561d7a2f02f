using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// A <see cref="ReportDocument"/> as an xlsx workbook (MiniExcel): a summary sheet (title, facts, notes), one sheet
/// per section with its table (numbers as numbers, so a reader can sum and sort them) and a chart sheet with every
/// chart as an image. Text cells are written as text, never as formulas.
/// </summary>
internal static class ReportWorkbook
{
    /// <summary>The content type of xlsx.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The name of the summary sheet.</summary>
    public const string SummarySheet = "概要";

    /// <summary>The name of the chart sheet.</summary>
    public const string ChartSheet = "图表";

    /// <summary>Renders <paramref name="report"/>; <paramref name="charts"/> are the sections' chart images (PNG), by section index.</summary>
    public static byte[] Render(ReportDocument report, IReadOnlyDictionary<int, byte[]> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [SummarySheet] = Summary(report),
        };
        foreach (var section in report.Sections)
        {
            sheets[section.SheetName] = Table(section);
        }

        var images = report.Sections
            .Select((section, index) => (section, index))
            .Where(s => charts.ContainsKey(s.index))
            .Select(s => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["图表"] = s.section.Chart!.Title,
                ["图片"] = charts[s.index],
            })
            .ToList();
        if (images.Count > 0)
        {
            sheets[ChartSheet] = images;
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { AutoFilter = false, FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Summary(ReportDocument report)
    {
        var rows = new List<Dictionary<string, object?>> { Pair("报告", report.Title) };
        rows.AddRange(report.Facts.Select(f => Pair(f.Label, f.Value)));
        rows.AddRange(report.Sections.Select(s => Pair("工作表", s.SheetName + "：" + s.Heading)));
        rows.AddRange(report.Notes.Select(n => Pair("说明", n)));
        return rows;
    }

    private static Dictionary<string, object?> Pair(string label, string value) => new(StringComparer.Ordinal) { ["项目"] = label, ["内容"] = value };

    private static object Table(ReportSection section)
    {
        if (section.Rows.Count == 0)
        {
            return new List<Dictionary<string, object?>> { new(StringComparer.Ordinal) { [section.Columns[0]] = section.Empty } };
        }

        return section.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < section.Columns.Count; i++)
            {
                cells[section.Columns[i]] = Cell(row[i]);
            }

            return cells;
        }).ToList();
    }

    // Numbers stay numbers (a percentage rounded to one decimal); anything else is text.
    private static object? Cell(object? value) => value switch
    {
        null => null,
        int or long => value,
        decimal d => Math.Round(d, 1),
        double d => Math.Round(d, 1),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
