using System.Globalization;
using KnowledgeRenewal.Credits.Contracts;
using SkiaSharp;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// Draws a <see cref="ReportChart"/> as a PNG (SkiaSharp) with the certificates' embedded fonts (Chinese in Droid
/// Sans Fallback, digits and Latin letters in DejaVu Sans), so the chart looks the same on every server. The same
/// image goes into the workbook and the PDF.
/// </summary>
internal static class ReportCharts
{
    /// <summary>The image's width in pixels.</summary>
    public const int Width = 1200;

    /// <summary>The image's height in pixels.</summary>
    public const int Height = 600;

    private static readonly SKColor[] Palette = [new(155, 28, 28), new(37, 99, 160), new(46, 125, 50), new(200, 120, 20)];
    private static readonly Lazy<SKTypeface> CjkFace = new(() => Load(CertificateFontResolver.CjkFontData()));
    private static readonly Lazy<SKTypeface> LatinFace = new(() => Load(CertificateFontResolver.LatinFontData()));

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Png(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        Draw(canvas, chart);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, ReportChart chart)
    {
        const float left = 110, right = 30, top = 90, bottom = 130;
        var plotWidth = Width - left - right;
        var plotHeight = Height - top - bottom;
        using var ink = new SKPaint { Color = new SKColor(31, 41, 55), IsAntialias = true };
        using var muted = new SKPaint { Color = new SKColor(93, 102, 112), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(220, 224, 230), StrokeWidth = 1, IsAntialias = true };

        Text(canvas, chart.Title, 30, Width / 2f, 42, ink, SKTextAlign.Center);

        // Legend, right under the title.
        var legendX = left;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            using var swatch = new SKPaint { Color = Palette[s % Palette.Length], IsAntialias = true };
            canvas.DrawRect(legendX, 60, 18, 18, swatch);
            legendX += 26;
            legendX += Text(canvas, chart.Series[s].Name, 20, legendX, 76, ink, SKTextAlign.Left) + 30;
        }

        var max = chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        var scaleMax = NiceMax(max);
        for (var i = 0; i <= 5; i++)
        {
            var value = scaleMax * i / 5;
            var y = top + plotHeight - (float)(value / scaleMax) * plotHeight;
            canvas.DrawLine(left, y, left + plotWidth, y, grid);
            Text(canvas, Number(value), 18, left - 10, y + 6, muted, SKTextAlign.Right);
        }

        Text(canvas, chart.Unit, 18, left - 10, top - 14, muted, SKTextAlign.Right);

        var n = Math.Max(chart.Labels.Count, 1);
        var slot = plotWidth / n;
        var labelSize = n > 12 ? 14 : 18;
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            var label = Shorten(chart.Labels[i], n > 8 ? 5 : 10);
            Text(canvas, label, labelSize, left + (slot * i) + (slot / 2), top + plotHeight + 28 + (n > 8 && i % 2 == 1 ? 22 : 0), ink, SKTextAlign.Center);
        }

        if (chart.Labels.Count == 0 || max <= 0)
        {
            Text(canvas, "无数据", 24, left + (plotWidth / 2), top + (plotHeight / 2), muted, SKTextAlign.Center);
            return;
        }

        if (chart.Kind == ReportChartKind.Bars)
        {
            var groups = chart.Series.Count;
            var barWidth = Math.Min(slot * 0.8f / groups, 60);
            for (var s = 0; s < groups; s++)
            {
                using var fill = new SKPaint { Color = Palette[s % Palette.Length], IsAntialias = true };
                for (var i = 0; i < chart.Labels.Count; i++)
                {
                    var value = chart.Series[s].Values[i];
                    var h = (float)(value / scaleMax) * plotHeight;
                    var x = left + (slot * i) + (slot / 2) - (barWidth * groups / 2) + (barWidth * s);
                    canvas.DrawRect(x + 1, top + plotHeight - h, barWidth - 2, h, fill);
                }
            }
        }
        else
        {
            for (var s = 0; s < chart.Series.Count; s++)
            {
                using var stroke = new SKPaint { Color = Palette[s % Palette.Length], StrokeWidth = 4, IsAntialias = true, Style = SKPaintStyle.Stroke };
                using var dot = new SKPaint { Color = Palette[s % Palette.Length], IsAntialias = true };
                using var path = new SKPath();
                for (var i = 0; i < chart.Labels.Count; i++)
                {
                    var x = left + (slot * i) + (slot / 2);
                    var y = top + plotHeight - ((float)(chart.Series[s].Values[i] / scaleMax) * plotHeight);
                    if (i == 0)
                    {
                        path.MoveTo(x, y);
                    }
                    else
                    {
                        path.LineTo(x, y);
                    }

                    canvas.DrawCircle(x, y, 6, dot);
                }

                canvas.DrawPath(path, stroke);
            }
        }

        canvas.DrawLine(left, top + plotHeight, left + plotWidth, top + plotHeight, ink);
    }

    // A round upper bound of the axis: 1, 2 or 5 times a power of ten, at least the largest value.
    private static decimal NiceMax(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static string Number(decimal value) => value.ToString(value == Math.Round(value) ? "#,0" : "#,0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    // Draws text in runs (Chinese and the rest in their fonts) and returns its width.
    private static float Text(SKCanvas canvas, string text, float size, float x, float baseline, SKPaint paint, SKTextAlign align)
    {
        var runs = PdfText.Runs(text).Select(r => (r.Text, Font: new SKFont(r.Cjk ? CjkFace.Value : LatinFace.Value, size))).ToList();
        try
        {
            var width = runs.Sum(r => r.Font.MeasureText(r.Text));
            var cursor = align switch
            {
                SKTextAlign.Center => x - (width / 2),
                SKTextAlign.Right => x - width,
                _ => x,
            };
            foreach (var (run, font) in runs)
            {
                canvas.DrawText(run, cursor, baseline, SKTextAlign.Left, font, paint);
                cursor += font.MeasureText(run);
            }

            return width;
        }
        finally
        {
            foreach (var (_, font) in runs)
            {
                font.Dispose();
            }
        }
    }

    private static SKTypeface Load(byte[] font)
    {
        using var data = SKData.CreateCopy(font);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("The embedded font could not be read.");
    }
}
