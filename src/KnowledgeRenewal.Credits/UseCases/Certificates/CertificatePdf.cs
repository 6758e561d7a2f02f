using KnowledgeRenewal.Kernel.Web.Ui;
using System.Globalization;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>
/// The certificate as a PDF (PDFsharp, A4 portrait): the title, number and verification code, the holder (masked ID
/// number), hours per category, the cycle's compliance verdict, every certified record (continued on further pages
/// when needed), the QR code to the public verification page, the issuing authority and date, and — when the
/// certificate no longer stands — a banner and a watermark saying so. Chinese text uses the embedded CJK font.
/// </summary>
public static class CertificatePdf
{
    private const double Margin = 48;
    private static readonly XColor Brand = XColor.FromArgb(155, 28, 28);
    private static readonly XColor Muted = XColor.FromArgb(93, 102, 112);
    private static readonly XColor Line = XColor.FromArgb(200, 205, 212);

    // Columns of the records table: date, title, category, subject, hours, source.
    private static readonly double[] Columns = [62, 170, 52, 92, 40, 83];
    private static readonly string[] Headers = ["日期", "项目名称", "类别", "科目", "学时", "来源"];

    /// <summary>Renders <paramref name="certificate"/>; the QR code holds <paramref name="qrTarget"/>.</summary>
    public static byte[] Render(CertificateView certificate, string qrTarget)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(qrTarget);
        using var document = new PdfDocument();
        document.Info.Title = $"{CertificateLabels.Title} {certificate.Number}";
        document.Info.Subject = string.Create(CultureInfo.InvariantCulture, $"{certificate.Year} 年度继续教育学时证明");
        document.Info.Creator = "济宁市专业技术人员继续教育管理服务平台";
        document.Info.Author = CertificateLabels.Authority;

        var writer = new Writer(document, certificate);
        writer.Header(qrTarget);
        writer.Holder();
        writer.Totals();
        writer.Records();
        writer.Closing();
        writer.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class Writer
    {
        private readonly PdfDocument document;
        private readonly CertificateView certificate;
        private readonly PdfText pdfText = new();
        private readonly List<(PdfPage Page, XGraphics Graphics)> pages = [];
        private XGraphics gfx = null!;
        private double y;

        public Writer(PdfDocument document, CertificateView certificate)
        {
            this.document = document;
            this.certificate = certificate;
            NewPage();
        }

        private double Width => pages[^1].Page.Width.Point;

        private double Height => pages[^1].Page.Height.Point;

        private double Right => Width - Margin;

        public void Header(string qrTarget)
        {
            Text($"《{CertificateLabels.Title}》", 18, Width / 2, y + 24, Brand, centered: true);
            Text(string.Create(CultureInfo.InvariantCulture, $"（{certificate.Year} 年度）"), 12, Width / 2, y + 44, XColors.Black, centered: true);
            y += 64;
            if (certificate.Status != CertificateStatus.Valid)
            {
                Banner();
            }

            Qr(qrTarget, Right - 84, y, 84);
            Text("扫码核验", 8, Right - 42, y + 94, Muted, centered: true);
            Field("证书编号", certificate.Number, y + 14);
            Field("验 证 码", certificate.VerificationCode, y + 32);
            Field("证明状态", certificate.StatusText, y + 50);
            Field("核验网址", certificate.VerifyUrl[..certificate.VerifyUrl.LastIndexOf('/')], y + 68);
            y += 104;
        }

        public void Holder()
        {
            Section("持证人");
            var holder = certificate.Holder;
            Field("姓　　名", holder.Name, y + 14);
            Field("身份证号", holder.IdNumberMasked, y + 32);
            Field("工作单位", holder.Employer, y + 50);
            y += 62;
        }

        public void Totals()
        {
            Section("学时汇总（已认定）");
            var width = (Right - Margin) / 3;
            string[] labels = ["公需科目", "专业科目", "合计"];
            decimal[] values = [certificate.PublicHours, certificate.ProfessionalHours, certificate.TotalHours];
            for (var i = 0; i < 3; i++)
            {
                var x = Margin + (i * width);
                gfx.DrawRectangle(new XPen(Line, 0.8), x, y + 4, width, 44);
                Text(labels[i], 9, x + (width / 2), y + 20, Muted, centered: true);
                Text(Hours(values[i]) + " 学时", 14, x + (width / 2), y + 40, XColors.Black, centered: true);
            }

            y += 56;
            if (certificate.Compliance is { } compliance)
            {
                y = Paragraph("周期达标情况：" + compliance.Text, 9, Margin, y + 12, Right - Margin, XColors.Black) + 4;
            }
        }

        public void Records()
        {
            Section(string.Create(CultureInfo.InvariantCulture, $"学时记录明细（共 {certificate.Records.Count} 条）"));
            TableHeader();
            if (certificate.Records.Count == 0)
            {
                Text("该年度没有已认定的学时记录。", 9, Margin + 4, y + 14, Muted);
                y += 20;
            }

            foreach (var record in certificate.Records)
            {
                string[] cells =
                [
                    record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    record.Title,
                    record.CategoryName,
                    record.SubjectName ?? record.SubjectCode ?? "—",
                    Hours(record.Hours),
                    Provenance(record),
                ];
                var lines = cells.Select((cell, i) => Wrap(cell, 8, Columns[i] - 6)).ToArray();
                var height = (lines.Max(l => l.Count) * 11) + 6;
                if (y + height > Height - Margin - 90)
                {
                    NewPage();
                    TableHeader();
                }

                var x = Margin;
                for (var i = 0; i < cells.Length; i++)
                {
                    for (var line = 0; line < lines[i].Count; line++)
                    {
                        Text(lines[i][line], 8, x + 3, y + 12 + (line * 11), XColors.Black);
                    }

                    x += Columns[i];
                }

                y += height;
                gfx.DrawLine(new XPen(Line, 0.5), Margin, y, Right, y);
            }
        }

        public void Closing()
        {
            if (y + 110 > Height - Margin)
            {
                NewPage();
            }

            y += 18;
            y = Paragraph(
                "本证明依据济宁市专业技术人员继续教育管理服务平台学时台账中已认定的记录出具；记录如有变更，平台将出具新版本，原版本显示为已被新版本取代。"
                + "可扫描二维码或在平台“学时证明核验”页面输入验证码核验真伪，也可使用平台发布的公钥离线验证电子凭证。",
                8,
                Margin,
                y,
                Right - Margin,
                Muted);
            var issued = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(certificate.IssuedAt, DateTimeKind.Utc), ProgramCalendar.TimeZone);
            Text("出具单位：" + CertificateLabels.Authority, 11, Right, y + 30, XColors.Black, alignRight: true);
            Text("出具日期：" + issued.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), 11, Right, y + 50, XColors.Black, alignRight: true);
            y += 60;
        }

        public void Finish()
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var (page, graphics) = pages[i];
                gfx = graphics;
                var footer = string.Create(CultureInfo.InvariantCulture, $"{certificate.Number}　第 {i + 1} 页 / 共 {pages.Count} 页");
                Text(footer, 8, page.Width.Point / 2, page.Height.Point - 24, Muted, centered: true);
                if (certificate.Status != CertificateStatus.Valid)
                {
                    Watermark(page);
                }

                graphics.Dispose();
            }
        }

        private void NewPage()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            pages.Add((page, gfx));
            y = Margin;
            if (pages.Count > 1)
            {
                Text($"{CertificateLabels.Title}（续）　{certificate.Number}", 10, Margin, y + 10, Muted);
                y += 24;
            }
        }

        private void Banner()
        {
            var text = certificate.Status == CertificateStatus.Superseded
                ? $"本证明已被新版本取代{(certificate.SupersededByNumber is { } next ? "（新版本编号 " + next + "）" : "")}，仅供查阅，请以新版本为准。"
                : $"本证明已作废{(certificate.RevocationReason is { } reason ? "（" + reason + "）" : "")}，不再具有证明效力。";
            var top = y;
            var bottom = Paragraph(text, 10, Margin + 8, top + 16, Right - Margin - 16, Brand);
            gfx.DrawRectangle(new XPen(Brand, 1.2), Margin, top, Right - Margin, bottom - top + 2);
            y = bottom + 10;
        }

        private void Watermark(PdfPage page)
        {
            var state = gfx.Save();
            var center = new XPoint(page.Width.Point / 2, page.Height.Point / 2);
            gfx.RotateAtTransform(-35, center);
            Text(certificate.StatusText, 64, center.X, center.Y, XColor.FromArgb(50, 155, 28, 28), centered: true);
            gfx.Restore(state);
        }

        private void Section(string title)
        {
            y += 10;
            gfx.DrawRectangle(new XSolidBrush(Brand), Margin, y, 3, 14);
            Text(title, 11, Margin + 8, y + 11, XColors.Black);
            y += 18;
        }

        private void TableHeader()
        {
            gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(245, 246, 248)), Margin, y, Right - Margin, 18);
            var x = Margin;
            for (var i = 0; i < Headers.Length; i++)
            {
                Text(Headers[i], 8, x + 3, y + 12, XColors.Black);
                x += Columns[i];
            }

            y += 18;
        }

        private void Field(string label, string value, double baseline)
        {
            Text(label + "：", 10, Margin, baseline, Muted);
            Text(value, 10, Margin + 62, baseline, XColors.Black);
        }

        private void Qr(string target, double x, double top, double size)
        {
            var modules = QrCodes.Modules(target);
            var count = modules.GetLength(0);
            var cell = size / count;
            for (var row = 0; row < count; row++)
            {
                for (var column = 0; column < count; column++)
                {
                    if (modules[row, column])
                    {
                        // A hair wider than the cell, so neighbouring modules leave no seams.
                        gfx.DrawRectangle(XBrushes.Black, x + (column * cell), top + (row * cell), cell + 0.05, cell + 0.05);
                    }
                }
            }
        }

        // Wraps text (character by character: Chinese has no spaces) into lines no wider than width.
        private double Paragraph(string text, double size, double x, double baseline, double width, XColor color)
        {
            var lines = Wrap(text, size, width);
            for (var i = 0; i < lines.Count; i++)
            {
                Text(lines[i], size, x, baseline + (i * size * 1.45), color);
            }

            return baseline + ((lines.Count - 1) * size * 1.45) + 4;
        }

        private List<string> Wrap(string text, double size, double width) => pdfText.Wrap(gfx, text, size, width);

        private void Text(string text, double size, double x, double baseline, XColor color, bool centered = false, bool alignRight = false) =>
            pdfText.Draw(gfx, text, size, x, baseline, color, centered ? PdfTextAlign.Center : alignRight ? PdfTextAlign.Right : PdfTextAlign.Left);

        private static string Provenance(CertificateRecord record) =>
            string.Join("；", new[] { record.Source, record.Provider, record.TrainingClass is { } c && c != record.Title ? c : null }.Where(s => !string.IsNullOrWhiteSpace(s)));

        private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
