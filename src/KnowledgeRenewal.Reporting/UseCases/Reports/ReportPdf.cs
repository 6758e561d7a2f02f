using System.Globalization;
using KnowledgeRenewal.Credits.Contracts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// A <see cref="ReportDocument"/> as a PDF (PDFsharp, A4 portrait): the title and facts, then each section — its
/// heading, its chart image (the same PNG as in the workbook) and its table (the header repeated on a new page) —
/// then the notes; page numbers at the foot. Chinese text uses the certificates' embedded font
/// (<see cref="CertificateFontResolver"/>, PDFsharp's one resolver).
/// </summary>
internal static class ReportPdf
{
    /// <summary>The content type of PDF.</summary>
    public const string ContentType = "application/pdf";

    private const double Margin = 42;
    private const double RowHeight = 17;
    private static readonly XColor Brand = XColor.FromArgb(155, 28, 28);
    private static readonly XColor Ink = XColor.FromArgb(31, 41, 55);
    private static readonly XColor Muted = XColor.FromArgb(93, 102, 112);
    private static readonly XColor Rule = XColor.FromArgb(200, 205, 212);
    private static readonly XColor Shade = XColor.FromArgb(241, 243, 246);

    /// <summary>Renders <paramref name="report"/>; <paramref name="charts"/> are the sections' chart images (PNG), by section index.</summary>
    public static byte[] Render(ReportDocument report, IReadOnlyDictionary<int, byte[]> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Creator = "济宁市专业技术人员继续教育管理服务平台";
        document.Info.Author = "济宁市专业技术人员知识更新工程项目办公室";

        var writer = new Writer(document);
        writer.Title(report);
        for (var i = 0; i < report.Sections.Count; i++)
        {
            writer.Section(report.Sections[i], charts.GetValueOrDefault(i));
        }

        writer.Notes(report.Notes);
        writer.Finish(report.Title);

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class Writer
    {
        private readonly PdfDocument document;
        private readonly PdfText pdfText = new();
        private readonly List<XGraphics> pages = [];
        private XGraphics gfx = null!;
        private double y;

        public Writer(PdfDocument document)
        {
            this.document = document;
            NewPage();
        }

        private double Width => document.Pages[^1].Width.Point;

        private double Bottom => document.Pages[^1].Height.Point - Margin - 16;

        private double ContentWidth => Width - (2 * Margin);

        public void Title(ReportDocument report)
        {
            foreach (var line in Wrap(report.Title, 18, ContentWidth))
            {
                Text(line, 18, Width / 2, y + 18, Brand, center: true);
                y += 26;
            }

            y += 10;
            foreach (var fact in report.Facts)
            {
                Text($"{fact.Label}：{fact.Value}", 10.5, Margin, y + 11, Ink);
                y += 16;
            }

            y += 6;
            gfx.DrawLine(new XPen(Rule, 0.8), Margin, y, Width - Margin, y);
            y += 12;
        }

        public void Section(ReportSection section, byte[]? chart)
        {
            Ensure(60);
            Text(section.Heading, 13, Margin, y + 13, Brand);
            y += 24;
            if (chart is not null)
            {
                var height = ContentWidth * ReportCharts.Height / ReportCharts.Width;
                Ensure(height + 8);
                using var stream = new MemoryStream(chart);
                using var image = XImage.FromStream(stream);
                gfx.DrawImage(image, Margin, y, ContentWidth, height);
                y += height + 8;
            }

            var widths = ColumnWidths(section);
            Header(section, widths);
            if (section.Rows.Count == 0)
            {
                Text(section.Empty, 9.5, Margin + 4, y + 12, Muted);
                y += RowHeight;
            }

            foreach (var row in section.Rows)
            {
                if (y + RowHeight > Bottom)
                {
                    NewPage();
                    Header(section, widths);
                }

                var x = Margin;
                for (var i = 0; i < section.Columns.Count; i++)
                {
                    var cell = Format(row[i]);
                    var numeric = row[i] is int or long or decimal or double;
                    var fitted = Fit(cell, 9.5, widths[i] - 8);
                    Text(fitted, 9.5, numeric ? x + widths[i] - 4 : x + 4, y + 12, Ink, right: numeric);
                    x += widths[i];
                }

                y += RowHeight;
                gfx.DrawLine(new XPen(Rule, 0.4), Margin, y, Margin + widths.Sum(), y);
            }

            y += 14;
        }

        public void Notes(IReadOnlyList<string> notes)
        {
            if (notes.Count == 0)
            {
                return;
            }

            Ensure(40);
            Text("说明", 13, Margin, y + 13, Brand);
            y += 24;
            foreach (var note in notes)
            {
                foreach (var line in Wrap("· " + note, 10, ContentWidth))
                {
                    Ensure(16);
                    Text(line, 10, Margin, y + 11, Ink);
                    y += 15;
                }
            }
        }

        public void Finish(string title)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var page = document.Pages[i];
                gfx = pages[i];
                var foot = page.Height.Point - Margin + 4;
                Text(title, 8, Margin, foot, Muted);
                Text(string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 页 共 {pages.Count} 页"), 8, page.Width.Point - Margin, foot, Muted, right: true);
                gfx.Dispose();
            }
        }

        private void Header(ReportSection section, double[] widths)
        {
            gfx.DrawRectangle(new XSolidBrush(Shade), Margin, y, widths.Sum(), RowHeight + 2);
            var x = Margin;
            for (var i = 0; i < section.Columns.Count; i++)
            {
                Text(Fit(section.Columns[i], 9.5, widths[i] - 8), 9.5, x + 4, y + 13, Ink);
                x += widths[i];
            }

            y += RowHeight + 2;
        }

        // Widths in proportion to each column's widest text (header or cell), the first (the label) given more room.
        private double[] ColumnWidths(ReportSection section)
        {
            var natural = section.Columns.Select((column, i) =>
                section.Rows.Select(r => Measure(Format(r[i]), 9.5)).Append(Measure(column, 9.5)).Max() + 10).ToArray();
            var total = natural.Sum();
            if (total <= ContentWidth)
            {
                var spare = ContentWidth - total;
                natural[0] += spare * 0.4;
                for (var i = 0; i < natural.Length; i++)
                {
                    natural[i] += spare * 0.6 / natural.Length;
                }

                return natural;
            }

            return natural.Select(w => w * ContentWidth / total).ToArray();
        }

        private void Ensure(double height)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            pages.Add(gfx);
            y = Margin;
        }

        private string Fit(string text, double size, double width) => pdfText.Fit(gfx, text, size, width);

        private List<string> Wrap(string text, double size, double width) => pdfText.Wrap(gfx, text, size, width);

        private double Measure(string text, double size) => pdfText.Measure(gfx, text, size);

        private void Text(string text, double size, double x, double baseline, XColor color, bool center = false, bool right = false) =>
            pdfText.Draw(gfx, text, size, x, baseline, color, center ? PdfTextAlign.Center : right ? PdfTextAlign.Right : PdfTextAlign.Left);
    }

    /// <summary>A cell as text: whole numbers with thousands separators, decimals to one place.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        int i => i.ToString("#,0", CultureInfo.InvariantCulture),
        long l => l.ToString("#,0", CultureInfo.InvariantCulture),
        decimal d => d.ToString("#,0.0", CultureInfo.InvariantCulture),
        double d => d.ToString("#,0.0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
