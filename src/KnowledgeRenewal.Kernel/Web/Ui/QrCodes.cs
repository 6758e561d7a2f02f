using QRCoder;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>QR codes (QRCoder, pure managed, drawn on the server): a certificate's verification link, an authenticator key.</summary>
public static class QrCodes
{
    /// <summary>The modules (true = dark), quiet zone included; error correction level M.</summary>
    public static bool[,] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = rows[y][x];
            }
        }

        return modules;
    }

    /// <summary>An SVG image (sized by its view box, so CSS decides how large it is printed).</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
