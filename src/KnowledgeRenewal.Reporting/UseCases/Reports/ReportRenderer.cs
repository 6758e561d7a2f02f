namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>The file formats of a report.</summary>
internal static class ReportFormats
{
    /// <summary>An xlsx workbook.</summary>
    public const string Xlsx = "xlsx";

    /// <summary>A PDF document.</summary>
    public const string Pdf = "pdf";

    /// <summary>The format named by <paramref name="format"/> (default xlsx), or null when it names none.</summary>
    public static string? Parse(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or Xlsx => Xlsx,
        Pdf => Pdf,
        _ => null,
    };
}

/// <summary>Renders a <see cref="ReportDocument"/> in a format: the charts are drawn once (PNG) and placed in the file.</summary>
internal static class ReportRenderer
{
    /// <summary>The report as a file in <paramref name="format"/> (<see cref="ReportFormats"/>).</summary>
    public static ReportFile Render(ReportDocument report, string format)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = report.Sections
            .Select((section, index) => (section.Chart, index))
            .Where(c => c.Chart is not null)
            .ToDictionary(c => c.index, c => ReportCharts.Png(c.Chart!));
        return format == ReportFormats.Pdf
            ? new ReportFile(ReportPdf.Render(report, charts), ReportPdf.ContentType, report.FileName + ".pdf")
            : new ReportFile(ReportWorkbook.Render(report, charts), ReportWorkbook.ContentType, report.FileName + ".xlsx");
    }
}
