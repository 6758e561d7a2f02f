namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// A report as the renderers take it: its title, the facts under the title (year or period, scope, phase, when it
/// was made), its sections (a table, with a chart of the same numbers where it helps) and closing notes. The
/// workbook (<see cref="ReportWorkbook"/>) and the PDF (<see cref="ReportPdf"/>) show the same document.
/// </summary>
/// <param name="Title">The title (Chinese).</param>
/// <param name="FileName">The download's file name without extension.</param>
/// <param name="Facts">Label and value pairs under the title.</param>
/// <param name="Sections">The sections, in order.</param>
/// <param name="Notes">Closing notes (e.g. every target below 100 %).</param>
internal sealed record ReportDocument(
    string Title,
    string FileName,
    IReadOnlyList<ReportFact> Facts,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<string> Notes);

/// <summary>One fact under the title.</summary>
/// <param name="Label">What it is (Chinese).</param>
/// <param name="Value">Its value.</param>
internal sealed record ReportFact(string Label, string Value);

/// <summary>
/// One section: a heading, a table (cells are text, whole numbers or decimals — a percentage is a number of per
/// cent, its column says 「%」) and an optional chart drawn from the same numbers.
/// </summary>
/// <param name="Heading">The heading (Chinese).</param>
/// <param name="SheetName">The workbook sheet's name (≤ 31 characters, unique in the report).</param>
/// <param name="Columns">The column headers.</param>
/// <param name="Rows">The rows; each has one cell per column.</param>
/// <param name="Chart">The chart, if any.</param>
/// <param name="Empty">What the table says when it has no rows.</param>
internal sealed record ReportSection(
    string Heading,
    string SheetName,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    ReportChart? Chart = null,
    string Empty = "无数据");

/// <summary>How a chart is drawn.</summary>
internal enum ReportChartKind
{
    /// <summary>Grouped vertical bars, one group per label.</summary>
    Bars,

    /// <summary>A line per series over the labels (e.g. months).</summary>
    Line,
}

/// <summary>A chart: labels along the horizontal axis and one or more series of values.</summary>
/// <param name="Title">The chart's title (Chinese).</param>
/// <param name="Kind">Bars or line.</param>
/// <param name="Labels">The categories (regions, months, …).</param>
/// <param name="Series">The series (e.g. 目标, 实际).</param>
/// <param name="Unit">The values' unit, shown on the axis (人, 个, %).</param>
internal sealed record ReportChart(string Title, ReportChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ReportSeries> Series, string Unit);

/// <summary>A chart series.</summary>
/// <param name="Name">Its name in the legend.</param>
/// <param name="Values">One value per label.</param>
internal sealed record ReportSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>A rendered report file.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="FileName">The file name with extension.</param>
internal sealed record ReportFile(byte[] Content, string ContentType, string FileName);
