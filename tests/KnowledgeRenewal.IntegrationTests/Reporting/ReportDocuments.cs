using MiniExcelLibs;
using UglyToad.PdfPig;

namespace KnowledgeRenewal.IntegrationTests.Reporting;

/// <summary>Opens report files as a reader would: the workbook's sheets as rows of header → value, the PDF's text.</summary>
internal static class ReportDocuments
{
    /// <summary>The sheet names of a workbook.</summary>
    public static IReadOnlyList<string> Sheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return MiniExcel.GetSheetNames(stream);
    }

    /// <summary>A sheet's rows, each a dictionary of header → cell value.</summary>
    public static IReadOnlyList<IDictionary<string, object?>> Rows(byte[] xlsx, string sheet)
    {
        using var stream = new MemoryStream(xlsx);
        return [.. MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    /// <summary>A cell as a decimal (numbers are stored as numbers).</summary>
    public static decimal Number(object? cell) => Convert.ToDecimal(cell, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text of every page, concatenated, without spaces (PdfPig puts spaces between drawn runs).</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>How many pages the PDF has.</summary>
    public static int PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>How many images the workbook holds (the charts).</summary>
    public static int XlsxImages(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read);
        return zip.Entries.Count(e => e.FullName.StartsWith("xl/media/", StringComparison.Ordinal));
    }
}
