using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace KnowledgeRenewal.Credits.Contracts;

/// <summary>
/// PDFsharp's font source for certificates and the reporting area's PDFs and chart images: two fonts shipped inside this assembly (see <c>UseCases/Certificates/Fonts/NOTICE</c>) —
/// Droid Sans Fallback for Chinese text and DejaVu Sans for Latin letters, digits and punctuation, which the
/// former lacks. No system fonts are used, so PDFs look the same on every server. PDFsharp's resolver is global
/// and may be set only once; <see cref="Install"/> sets this one instance, however often it is called.
/// </summary>
public sealed class CertificateFontResolver : IFontResolver
{
    /// <summary>The family name of the Chinese font.</summary>
    public const string Cjk = "KR Certificate CJK";

    /// <summary>The family name of the Latin font.</summary>
    public const string Latin = "KR Certificate Latin";

    private const string CjkFace = "DroidSansFallback";
    private const string LatinFace = "DejaVuSans";

    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    private CertificateFontResolver()
    {
    }

    /// <summary>The one instance.</summary>
    public static CertificateFontResolver Instance { get; } = new();

    /// <summary>Makes this resolver PDFsharp's (once per process).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    /// <summary>The Chinese font's file (TrueType), e.g. for drawing chart images with the same glyphs as the PDFs.</summary>
    public static byte[] CjkFontData() => Instance.GetFont(CjkFace)!;

    /// <summary>The Latin font's file (TrueType).</summary>
    public static byte[] LatinFontData() => Instance.GetFont(LatinFace)!;

    /// <summary>Whether <paramref name="c"/> is drawn with the Chinese font (CJK blocks, CJK punctuation, full-width forms).</summary>
    public static bool IsCjk(char c) => c >= '\u2E80';

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(string.Equals(familyName, Cjk, StringComparison.Ordinal) ? CjkFace : LatinFace);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => Faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"KnowledgeRenewal.Certificates.{faceName}.ttf";
        using var stream = typeof(CertificateFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
