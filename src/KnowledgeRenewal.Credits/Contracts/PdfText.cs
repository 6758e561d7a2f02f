using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KnowledgeRenewal.Credits.Contracts;

/// <summary>How a line of text sits on its x position.</summary>
public enum PdfTextAlign
{
    /// <summary>Starts at x.</summary>
    Left,

    /// <summary>Centred on x.</summary>
    Center,

    /// <summary>Ends at x.</summary>
    Right,
}

/// <summary>
/// Mixed Chinese and Latin text on a PDFsharp page in the platform's two embedded fonts (<see cref="CertificateFontResolver"/>):
/// each run of Chinese characters in the CJK font, everything else in the Latin one, on one baseline — measured,
/// wrapped, cut to a width and drawn the same way by every PDF the platform writes (certificates, reports). One
/// instance per document (it caches the fonts it creates).
/// </summary>
public sealed class PdfText
{
    private readonly Dictionary<(bool Cjk, double Size), XFont> fonts = [];

    /// <summary>Creates the text writer, installing the platform's font resolver (once per process).</summary>
    public PdfText() => CertificateFontResolver.Install();

    /// <summary>The font for a run of Chinese (<paramref name="cjk"/>) or other text at <paramref name="size"/> points.</summary>
    public XFont Font(bool cjk, double size)
    {
        if (!fonts.TryGetValue((cjk, size), out var font))
        {
            font = new XFont(cjk ? CertificateFontResolver.Cjk : CertificateFontResolver.Latin, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            fonts[(cjk, size)] = font;
        }

        return font;
    }

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public double Measure(XGraphics graphics, string text, double size)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        return Runs(text).Sum(r => graphics.MeasureString(r.Text, Font(r.Cjk, size)).Width);
    }

    /// <summary>Draws <paramref name="text"/> on <paramref name="baseline"/>, placed on <paramref name="x"/> by <paramref name="align"/>.</summary>
    public void Draw(XGraphics graphics, string text, double size, double x, double baseline, XColor color, PdfTextAlign align = PdfTextAlign.Left)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        var width = Measure(graphics, text, size);
        var left = align switch { PdfTextAlign.Center => x - (width / 2), PdfTextAlign.Right => x - width, _ => x };
        var brush = new XSolidBrush(color);
        foreach (var (run, cjk) in Runs(text))
        {
            var font = Font(cjk, size);
            graphics.DrawString(run, font, brush, new XPoint(left, baseline), XStringFormats.BaseLineLeft);
            left += graphics.MeasureString(run, font).Width;
        }
    }

    /// <summary>The lines of <paramref name="text"/> broken to <paramref name="width"/> (by character: Chinese has no spaces); at least one.</summary>
    public List<string> Wrap(XGraphics graphics, string text, double size, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var c in text)
        {
            line.Append(c);
            if (Measure(graphics, line.ToString(), size) > width && line.Length > 1)
            {
                line.Length--;
                lines.Add(line.ToString());
                line.Clear().Append(c);
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary><paramref name="text"/> cut with an ellipsis to fit <paramref name="width"/>.</summary>
    public string Fit(XGraphics graphics, string text, double size, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Measure(graphics, text, size) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && Measure(graphics, cut + "…", size) > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }

    /// <summary>The runs of <paramref name="text"/>: each a stretch of Chinese or of other characters.</summary>
    public static IEnumerable<(string Text, bool Cjk)> Runs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = new StringBuilder();
        var cjk = false;
        foreach (var c in text)
        {
            var isCjk = CertificateFontResolver.IsCjk(c);
            if (run.Length > 0 && isCjk != cjk)
            {
                yield return (run.ToString(), cjk);
                run.Clear();
            }

            cjk = isCjk;
            run.Append(c);
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), cjk);
        }
    }
}
