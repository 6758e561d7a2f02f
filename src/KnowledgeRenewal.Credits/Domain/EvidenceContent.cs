using System.ComponentModel.DataAnnotations;
using System.Text;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>An evidence file as uploaded: the name the client gave and the bytes.</summary>
/// <param name="FileName">
/// The name as sent (may hold a path or worse): the name of a file on the client's machine, not text the person
/// typed, so it is cleaned (<see cref="EvidenceContent.SafeFileName"/>) rather than refused by the free-text rule.
/// </param>
/// <param name="Content">The bytes.</param>
public sealed record UploadedEvidence([property: DataType(DataType.Upload)] string? FileName, byte[] Content)
{
    /// <inheritdoc />
    public override string ToString() => $"UploadedEvidence({Content.Length} bytes)"; // never the content or name in logs
}

/// <summary>
/// What evidence files may be: PDF, JPEG or PNG, recognised from the bytes (the name and the declared content type
/// are not believed), with a file name that is safe to store and to send back in a Content-Disposition header.
/// </summary>
public static class EvidenceContent
{
    /// <summary>PDF.</summary>
    public const string Pdf = "application/pdf";

    /// <summary>JPEG.</summary>
    public const string Jpeg = "image/jpeg";

    /// <summary>PNG.</summary>
    public const string Png = "image/png";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly char[] Forbidden = ['<', '>', ':', '"', '/', '\\', '|', '?', '*', ';'];

    /// <summary>The content type recognised from the first bytes, or null when the file is none of PDF, JPEG, PNG.</summary>
    public static string? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfMagic) ? Pdf
        : content.StartsWith(PngMagic) ? Png
        : content.StartsWith(JpegMagic) ? Jpeg
        : null;

    /// <summary>The usual extension of a recognised content type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Png => ".png",
        Jpeg => ".jpg",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not an evidence content type."),
    };

    /// <summary>
    /// A safe file name: the last path segment only, without control, bidirectional-override and reserved
    /// characters, at most <see cref="EvidenceFile.FileNameLength"/> characters, ending with the extension of what
    /// the bytes are (a PDF named <c>x.exe</c> is stored as <c>x.exe.pdf</c>); <c>证明材料.pdf</c> when nothing is left.
    /// </summary>
    public static string SafeFileName(string? raw, string contentType)
    {
        var extension = Extension(contentType);
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune == Rune.ReplacementChar
                || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.PrivateUse
                || (rune.IsAscii && Array.IndexOf(Forbidden, (char)rune.Value) >= 0))
            {
                continue;
            }

            kept.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }

        var cleaned = kept.ToString().Normalize(NormalizationForm.FormC).Trim().Trim('.').Trim();
        var stem = Path.GetExtension(cleaned) is { Length: > 0 } current && IsExtensionOf(current, contentType)
            ? cleaned[..^current.Length].TrimEnd()
            : cleaned;
        if (stem.Length == 0)
        {
            stem = "证明材料";
        }

        var room = EvidenceFile.FileNameLength - extension.Length;
        if (stem.Length > room)
        {
            stem = stem[..(char.IsHighSurrogate(stem[room - 1]) ? room - 1 : room)];
        }

        return stem + extension;
    }

    /// <summary>
    /// The problems of a set of evidence files (field <c>evidence</c>, naming the file's position and name): none,
    /// too many, empty files, files that are not PDF, JPEG or PNG. Sizes are enforced while uploading.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(IReadOnlyList<UploadedEvidence> files, int maxFiles)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<FieldError>();
        if (files.Count == 0)
        {
            errors.Add(new FieldError("evidence", "evidence_required", $"请上传证明材料（字段 evidence，1 至 {maxFiles} 个 PDF、JPG 或 PNG 文件）。"));
        }
        else if (files.Count > maxFiles)
        {
            errors.Add(new FieldError("evidence", "evidence_too_many", $"证明材料最多 {maxFiles} 个文件，本次上传了 {files.Count} 个。"));
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var label = $"第 {i + 1} 个证明材料“{SafeFileName(file.FileName, Pdf)[..^4]}”";
            if (file.Content.Length == 0)
            {
                errors.Add(new FieldError($"evidence[{i}]", "evidence_empty", label + "是空文件。"));
            }
            else if (Detect(file.Content) is null)
            {
                errors.Add(new FieldError($"evidence[{i}]", "evidence_type_not_allowed", label + "不是 PDF、JPG 或 PNG 文件（按文件内容识别，与扩展名无关）。"));
            }
        }

        return errors;
    }

    private static bool IsExtensionOf(string extension, string contentType) =>
        string.Equals(extension, Extension(contentType), StringComparison.OrdinalIgnoreCase)
        || (contentType == Jpeg && string.Equals(extension, ".jpeg", StringComparison.OrdinalIgnoreCase));
}
